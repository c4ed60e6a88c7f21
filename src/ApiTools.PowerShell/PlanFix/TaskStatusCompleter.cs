using System.Collections;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Completes -Status with the account's status names (see <see cref="LiveCompleter{TConnection,TClient}"/>: live,
/// kept a few minutes, never more than a second's wait) and PlanFix's system statuses, which complete even when PlanFix
/// gives nothing in time. It inserts the quoted name: -Status takes names. Any other value still goes to PlanFix, which judges.</summary>
public sealed class TaskStatusCompleter : LiveCompleter<PlanFixConnection, PlanFixClient>
{
    private static readonly IReadOnlyList<Choice> System = PlanFixClient.SystemStatuses.Select(s => new Choice(s, null)).ToList();

    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;

    private protected override IReadOnlyList<Choice> Always => System;

    private protected override string? Scope(string commandName, string parameterName, IDictionary fakeBoundParameters) => "statuses";

    private protected override async Task<IReadOnlyList<Choice>> ListAsync(PlanFixClient client, string scope, CancellationToken cancellationToken) =>
        (await client.GetTaskStatusesAsync(cancellationToken).ConfigureAwait(false))
        .Select(s => s.Name).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(name => new Choice(name, null)).ToList();
}
