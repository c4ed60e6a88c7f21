using System.Collections;
using System.Management.Automation.Language;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Invoke-PlanFixRequest -Method: the XML API's methods (any other name still goes to PlanFix, which judges).</summary>
public sealed class PlanFixMethodCompleter : IArgumentCompleter
{
    internal static readonly string[] Known =
    {
        "auth.login", "task.get", "task.getList", "task.getMulti", "task.add", "task.update", "task.updateCustomData", "task.changeStatus",
        "project.get", "project.getList", "project.add", "project.update", "contact.get", "contact.getList", "contact.add", "contact.update",
        "action.get", "action.getList", "action.add", "user.get", "user.getList", "handbook.getList", "handbook.getStructure",
        "handbook.getRecords", "handbook.getRecord", "handbook.addRecord", "handbook.updateRecord", "analitic.getList", "analitic.getOptions",
        "analitic.getHandbook", "file.upload", "file.download", "file.getListForTask", "file.getListForProject", "taskStatus.getSetList",
        "taskStatus.getListOfSet",
    };

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Known.Where(m => m.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
             .Select(m => new CompletionResult(m, m, CompletionResultType.ParameterValue, m));
}
