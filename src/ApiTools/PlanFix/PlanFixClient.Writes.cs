using System.Globalization;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Serialization;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix;

// Writes: task.add and action.add are not idempotent (retried only where PlanFix certainly did not act);
// task.update sets the same values again on a repeat, so it is retried like a read.
public sealed partial class PlanFixClient
{
    /// <summary>Adds a task and returns it as PlanFix now has it (read back with task.get).</summary>
    public async Task<PlanFixTask> AddTaskAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft is null) throw new ArgumentNullException(nameof(draft));
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new ArgumentException("A new task needs a title.", nameof(draft));
        var response = await CallAsync("task.add", new Dictionary<string, object?> { ["task"] = TaskFields(draft, null) }, cancellationToken).ConfigureAwait(false);
        var id = IdOf(response, "task", "task.add");
        return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the given (non-null) fields of task <paramref name="id"/> and returns it as PlanFix now has it
    /// (one more request: task.get).</summary>
    public async Task<PlanFixTask> UpdateTaskAsync(long id, PlanFixTaskDraft changes, CancellationToken cancellationToken = default)
    {
        await SetTaskAsync(id, changes, cancellationToken).ConfigureAwait(false);
        return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes the given (non-null) fields of task <paramref name="id"/> without reading it back: one request,
    /// which counts at PlanFix's pace of one a second.</summary>
    public async Task SetTaskAsync(long id, PlanFixTaskDraft changes, CancellationToken cancellationToken = default)
    {
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        await CallAsync("task.update", new Dictionary<string, object?> { ["task"] = TaskFields(changes, id) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a comment (an action) to a task.</summary>
    public async Task<PlanFixAction> AddCommentAsync(long taskId, string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A comment needs text.", nameof(text));
        var p = new Dictionary<string, object?>
        {
            ["action"] = new Dictionary<string, object?>
            {
                ["description"] = text,
                ["task"] = new Dictionary<string, object?> { ["id"] = taskId },
            },
        };
        var response = await CallAsync("action.add", p, cancellationToken).ConfigureAwait(false);
        var action = response.Element("action") is { } x ? PlanFixReader.Action(x, Connection.TimeZone) : new PlanFixAction();
        if (action.Id == 0) action.Id = IdOf(response, "action", "action.add");
        action.TaskId ??= taskId;
        action.Description ??= text;
        return action;
    }

    private Dictionary<string, object?> TaskFields(PlanFixTaskDraft d, long? id)
    {
        var task = new Dictionary<string, object?>();
        if (id is long existing) task["id"] = existing;
        if (d.Title is not null) task["title"] = d.Title;
        if (d.Description is not null) task["description"] = d.Description;
        if (d.Importance is not null) task["importance"] = d.Importance.ToUpperInvariant();
        if (d.Status is int status) task["status"] = status;
        if (d.OwnerId is long owner) task["owner"] = new Dictionary<string, object?> { ["id"] = owner };
        if (d.ProjectId is long project) task["project"] = new Dictionary<string, object?> { ["id"] = project };
        if (d.WorkerIds is { Count: > 0 } workers)
            task["workers"] = new Dictionary<string, object?> { ["users"] = new Dictionary<string, object?> { ["id"] = workers } };
        if (d.EndTime is DateTimeOffset end) task["endTime"] = PlanFixDates.Format(end, Connection.TimeZone, withTime: true);
        return task;
    }

    private static long IdOf(System.Xml.Linq.XElement response, string element, string method)
    {
        var text = response.Element(element)?.Element("id")?.Value.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return id;
        throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix {method} answered ok without <{element}><id>.") { Method = "POST", Path = method };
    }
}
