using System.Collections;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.Evotor;

/// <summary>Tab completion for Evotor document types. Not a ValidateSet: Evotor adds types, and a new
/// one must not need a new module version.</summary>
public sealed class DocumentTypeCompleter : IArgumentCompleter
{
    internal static readonly string[] Known =
    {
        "SELL", "PAYBACK", "BUY", "BUYBACK", "OPEN_SESSION", "CLOSE_SESSION", "CASH_INCOME", "CASH_OUTCOME",
        "INVENTORY", "ACCEPT", "REVALUATION", "WRITE_OFF", "RETURN", "OPEN_TARE", "X_REPORT", "Z_REPORT",
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Known.Where(t => t.StartsWith(wordToComplete ?? "", System.StringComparison.OrdinalIgnoreCase))
             .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, t));
}
