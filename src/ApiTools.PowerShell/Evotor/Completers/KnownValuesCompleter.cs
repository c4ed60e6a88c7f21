using System.Collections;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion from one of Evotor's open value sets (<see cref="ApiTools.Evotor.Input.EvotorEnums"/>). Not a
/// ValidateSet: Evotor adds values (tax rates change), and a value not listed goes to Evotor, which judges it.</summary>
public abstract class KnownValuesCompleter : IArgumentCompleter
{
    private protected abstract IReadOnlyList<string> Known { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var typed = (wordToComplete ?? "").Trim('\'', '"');
        return Known.Where(v => v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v.Any(char.IsWhiteSpace) ? $"'{v}'" : v, v, CompletionResultType.ParameterValue, v));
    }
}
