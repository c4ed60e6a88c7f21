using System.Collections;
using System.Management.Automation.Language;
using ApiTools.Http;
using ApiTools.PlanFix;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Completes -Status with the account's status names (read once per connection, then kept) and PlanFix's system
/// statuses. Any other value still goes to PlanFix, which judges; a completion that cannot reach PlanFix offers the system ones.</summary>
public sealed class TaskStatusCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var names = new List<string>();
        try
        {
            var given = fakeBoundParameters["Connection"] as PlanFixConnection
                        ?? (fakeBoundParameters["Connection"] as PSObject)?.BaseObject as PlanFixConnection;
            var connection = PlanFixKit.Instance.Resolve(given, _ => { });
            var client = new PlanFixClient(connection, NullApiObserver.Instance);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            names.AddRange(client.GetTaskStatusesAsync(timeout.Token).GetAwaiter().GetResult().Select(s => s.Name).OfType<string>());
        }
        catch (Exception e) when (e is ApiException or OperationCanceledException or ArgumentException)
        {
            // No connection, or PlanFix out of reach: the system statuses still complete.
        }
        names.AddRange(PlanFixClient.SystemStatuses);
        var word = wordToComplete.Trim('\'', '"');
        return names.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ';', '(', ')' }) >= 0 ? "'" + n.Replace("'", "''") + "'" : n, n, CompletionResultType.ParameterValue, n));
    }
}
