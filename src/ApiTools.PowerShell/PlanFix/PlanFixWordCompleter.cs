using System.Collections;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Completes PlanFix's documented words for a parameter: -Importance AVERAGE, HIGH; a project's -Status DRAFT,
/// ACTIVE, COMPLETED. They are open sets: another value goes to PlanFix, which judges.</summary>
public sealed class PlanFixWordCompleter : IArgumentCompleter
{
    public static readonly string[] Importance = { "AVERAGE", "HIGH" };
    public static readonly string[] ProjectStatus = { "DRAFT", "ACTIVE", "COMPLETED" };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var words = parameterName.Equals("Importance", StringComparison.OrdinalIgnoreCase) ? Importance : ProjectStatus;
        return words.Where(v => v.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}
