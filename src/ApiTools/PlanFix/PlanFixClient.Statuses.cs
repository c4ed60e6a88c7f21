using System.Globalization;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix;

// Statuses by name: the account's status sets, read once per connection (taskStatus.getSetList, then
// taskStatus.getListOfSet per set) and kept; a status given by name, id or system value becomes what PlanFix takes.
public sealed partial class PlanFixClient
{
    /// <summary>The system statuses every account knows (task.add, task.changeStatus and task.getList take them as words).</summary>
    public static readonly IReadOnlyList<string> SystemStatuses = new[] { "DRAFT", "ACTIVE", "ACCEPTED", "COMPLETED", "DELAYED", "REJECTED", "DONE", "CANCELED" };

    /// <summary>Every status of every status set of the account; read once per connection and kept.</summary>
    public async Task<IReadOnlyList<PlanFixTaskStatus>> GetTaskStatusesAsync(CancellationToken cancellationToken = default) =>
        await StatusesAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
            "PlanFix refused to list the account's status sets with this connection: " + Connection.Catalog.StatusesUnavailable);

    /// <summary>The statuses, or null (with one warning) when PlanFix refuses the status methods: names then stay empty.</summary>
    private async Task<IReadOnlyList<PlanFixTaskStatus>?> StatusesAsync(CancellationToken cancellationToken)
    {
        var statuses = await Connection.Catalog.StatusesAsync(LoadStatusesAsync, cancellationToken).ConfigureAwait(false);
        if (statuses is null)
            Observer.OnWarning("PlanFix did not list the account's status sets for this connection, so tasks show no StatusName and statuses " +
                               "can be given by id or system value only: " + Connection.Catalog.StatusesUnavailable);
        return statuses;
    }

    private async Task<IReadOnlyList<PlanFixTaskStatus>> LoadStatusesAsync(CancellationToken cancellationToken)
    {
        var all = new List<PlanFixTaskStatus>();
        foreach (var set in await ListOnceAsync("taskStatus.getSetList", null, "taskStatusSets", "taskStatusSet", cancellationToken).ConfigureAwait(false))
        {
            if (!long.TryParse(set.Element("id")?.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var setId)) continue;
            var setName = set.Element("name")?.Value.Trim();
            var p = new Dictionary<string, object?> { ["taskStatusSet"] = new Dictionary<string, object?> { ["id"] = setId } };
            foreach (var status in await ListOnceAsync("taskStatus.getListOfSet", p, "taskStatuses", "taskStatus", cancellationToken).ConfigureAwait(false))
                all.Add(_read.Status(status, setId, setName));
        }
        return all;
    }

    /// <summary>What PlanFix takes for <paramref name="status"/>: an id as given, a name of the account's (in
    /// <paramref name="statusSet"/> when given, else every set's status of that name), or a system value. Null: unknown.</summary>
    internal async Task<IReadOnlyList<string>?> StatusValuesAsync(string status, long? statusSet, CancellationToken cancellationToken)
    {
        var text = status.Trim();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return new[] { id.ToString(CultureInfo.InvariantCulture) };
        var statuses = await StatusesAsync(cancellationToken).ConfigureAwait(false) ?? Array.Empty<PlanFixTaskStatus>();
        var named = statuses.Where(s => string.Equals(s.Name, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (statusSet is long set && named.Any(s => s.StatusSetId == set)) named = named.Where(s => s.StatusSetId == set).ToList();
        if (named.Count > 0) return named.Select(s => s.Id.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var system = SystemStatuses.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase));
        return system is null ? null : new[] { system };
    }

    /// <summary>The one value PlanFix takes for <paramref name="status"/>; a ValidationFailed error naming it when there is none.</summary>
    internal async Task<string> StatusValueAsync(string status, long? statusSet, string what, CancellationToken cancellationToken)
    {
        var values = await StatusValuesAsync(status, statusSet, cancellationToken).ConfigureAwait(false);
        if (values is { Count: > 0 }) return values[0];
        var known = Connection.Catalog.Statuses?.Select(s => s.Name).Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                    ?? new List<string?>();
        throw Invalid("Status", $"'{status}' is not a status of this account" +
                                (known.Count > 0 ? $" (its statuses: {string.Join(", ", known)})" : "") +
                                $", a status id or a system status ({string.Join(", ", SystemStatuses)}); nothing was sent for {what}");
    }

    /// <summary>A problem with what the caller asked for, found before sending: ValidationFailed naming the field.</summary>
    internal static ApiValidationException Invalid(string field, string reason) =>
        new(ServiceName, $"{field} {reason}.", new[] { new ApiViolation(field, reason) }) { ErrorCode = "client_validation" };
}
