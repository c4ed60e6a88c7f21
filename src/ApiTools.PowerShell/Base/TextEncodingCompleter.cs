using System.Collections;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.Base;

/// <summary>Completes -Encoding with the encodings CSV files of this module's users come in: UTF-8 first, then the
/// Russian and Western Windows code pages, DOS and KOI8-R. Any other name or code page number is still taken.</summary>
public sealed class TextEncodingCompleter : IArgumentCompleter
{
    private static readonly (string Name, string Tip)[] Known =
    {
        ("utf-8", "UTF-8 (the default; Excel: \"CSV UTF-8\")"),
        ("windows-1251", "Windows-1251: Excel's CSV under a Russian Windows"),
        ("windows-1252", "Windows-1252: Excel's CSV under a Western European Windows"),
        ("cp866", "DOS Cyrillic (866)"),
        ("koi8-r", "KOI8-R"),
        ("utf-16", "UTF-16 (Excel's \"Unicode text\")"),
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return Known.Where(k => k.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(k => new CompletionResult(k.Name, k.Name, CompletionResultType.ParameterValue, k.Tip));
    }
}
