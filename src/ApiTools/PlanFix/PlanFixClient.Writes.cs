using System.Globalization;
using System.Xml.Linq;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

// Task writes. task.add and action.add are not idempotent (retried only where PlanFix certainly did not act). task.update
// resets what it is not sent, so a change reads the task, merges, and sends it whole (a repeat sets the same values
// again, so it is retried like a read); a status change goes through task.changeStatus, as the reference names it.
public sealed partial class PlanFixClient
{
    /// <summary>Adds a task and returns it as PlanFix now has it (read back with task.get).</summary>
    public async Task<PlanFixTask> AddTaskAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken = default)
    {
        if (draft is null) throw new ArgumentNullException(nameof(draft));
        if (string.IsNullOrWhiteSpace(draft.Title)) throw new ArgumentException("A new task needs a title.", nameof(draft));
        var task = new XElement("task");
        var custom = await ResolveCustomAsync(TaskKind, draft.CustomFields, null, cancellationToken).ConfigureAwait(false);
        if (draft.Status is { Length: > 0 } status)
            PlanFixTaskWriteForm.Set(task, "status", await StatusValueAsync(status, null, $"task '{draft.Title}'", cancellationToken).ConfigureAwait(false));
        Apply(task, draft, custom);
        var response = await CallWithCustomAsync("task.add", new XElement("request", task), custom, cancellationToken).ConfigureAwait(false);
        return await GetTaskAsync(IdOf(response, "task", "task.add"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes task <paramref name="id"/> and returns it as PlanFix now has it (one more request: task.get).</summary>
    public async Task<PlanFixTask> UpdateTaskAsync(long id, PlanFixTaskDraft changes, CancellationToken cancellationToken = default)
    {
        await SetTaskAsync(id, changes, false, cancellationToken).ConfigureAwait(false);
        return await GetTaskAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes the given (non-null) fields of task <paramref name="id"/>: reads it (task.get), sends it whole with the
    /// changes (task.update) when they change anything, and changes its status with task.changeStatus when asked.
    /// Returns whether anything was sent. <paramref name="silent"/>: no notifications, actions or log entries (PlanFix
    /// asks for it on mass updates).
    /// </summary>
    public async Task<bool> SetTaskAsync(long id, PlanFixTaskDraft changes, bool silent = false, CancellationToken cancellationToken = default)
    {
        if (changes is null) throw new ArgumentNullException(nameof(changes));
        var read = await GetElementAsync("task.get", "task", "id", id, cancellationToken).ConfigureAwait(false);
        var current = _read.Task(read);
        Connection.Catalog.Learn(TaskKind, current.CustomFields);
        var custom = await ResolveCustomAsync(TaskKind, changes.CustomFields, current.CustomFields, cancellationToken).ConfigureAwait(false);
        string? newStatus = null;
        var now = current.Status?.ToString(CultureInfo.InvariantCulture);
        if (changes.Status is { Length: > 0 } status)
        {
            newStatus = await StatusValueAsync(status, current.StatusSet, $"task {id}", cancellationToken).ConfigureAwait(false);
            if (now == newStatus) newStatus = null;
        }
        if (newStatus is null && changes.StatusName is { Length: > 0 } name && current.Status is not null
            && await StatusesAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            newStatus = await StatusValueAsync(name, current.StatusSet, $"task {id}", cancellationToken).ConfigureAwait(false);
            if (now == newStatus) newStatus = null;
        }

        var before = PlanFixTaskWriteForm.FromRead(read);
        var after = new XElement(before);
        Apply(after, changes, custom);
        var sent = false;
        if (!PlanFixTaskWriteForm.Same(before, after))
        {
            var request = new XElement("request");
            if (silent) request.Add(new XElement("silent", 1));
            request.Add(after);
            await CallWithCustomAsync("task.update", request, custom, cancellationToken).ConfigureAwait(false);
            sent = true;
        }
        if (newStatus is not null)
        {
            await ChangeStatusAsync(id, newStatus, silent, cancellationToken).ConfigureAwait(false);
            sent = true;
        }
        return sent;
    }

    /// <summary>task.changeStatus: <c>&lt;task&gt;&lt;id/&gt;&lt;/task&gt;</c> and, at the request's root, <c>&lt;status&gt;</c> (an id or a system value).</summary>
    private Task<XElement> ChangeStatusAsync(long id, string status, bool silent, CancellationToken cancellationToken)
    {
        var request = new XElement("request");
        if (silent) request.Add(new XElement("silent", 1));
        request.Add(new XElement("task", new XElement("id", id)), new XElement("status", status));
        return CallAsync("task.changeStatus", request, cancellationToken);
    }

    /// <summary>Adds a comment (an action) to a task, with rows of analitic data when given.</summary>
    public async Task<PlanFixAction> AddCommentAsync(long taskId, string text, IReadOnlyList<PlanFixAnaliticRow>? analitics = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A comment needs text.", nameof(text));
        var action = new XElement("action", new XElement("description", text), new XElement("task", new XElement("id", taskId)));
        if (analitics is { Count: > 0 })
        {
            var rows = new XElement("analitics");
            foreach (var row in analitics) rows.Add(await AnaliticRowAsync(row, cancellationToken).ConfigureAwait(false));
            action.Add(rows);
        }
        var response = await CallAsync("action.add", new XElement("request", action), cancellationToken).ConfigureAwait(false);
        var added = response.Element("action") is { } x ? _read.Action(x) : new PlanFixAction();
        if (added.Id == 0) added.Id = IdOf(response, "action", "action.add");
        added.TaskId ??= taskId;
        if (added.DescriptionHtml is null) added.Description = PlanFixHtml.Text(added.DescriptionHtml = text);
        return added;
    }

    /// <summary>The changes of a draft applied to a task's write form.</summary>
    private void Apply(XElement task, PlanFixTaskDraft d, IReadOnlyList<CustomValueToSend> custom)
    {
        PlanFixTaskWriteForm.Set(task, "title", d.Title);
        PlanFixTaskWriteForm.Set(task, "description", d.Description);
        PlanFixTaskWriteForm.Set(task, "importance", d.Importance?.ToUpperInvariant());
        PlanFixTaskWriteForm.SetRef(task, "owner", d.OwnerId);
        PlanFixTaskWriteForm.SetRef(task, "parent", d.ParentId);
        PlanFixTaskWriteForm.SetRef(task, "project", d.ProjectId);
        PlanFixTaskWriteForm.SetRef(task, "client", d.ClientId);
        PlanFixTaskWriteForm.SetDate(task, "start", d.StartTime, Connection.TimeZone);
        PlanFixTaskWriteForm.SetDate(task, "end", d.EndTime, Connection.TimeZone);
        PlanFixTaskWriteForm.SetPeople(task, "workers", d.WorkerIds, d.WorkerGroupIds);
        PlanFixTaskWriteForm.SetCustom(task, custom);
    }

    private static long IdOf(XElement response, string element, string method)
    {
        var text = response.Element(element)?.Element("id")?.Value.Trim();
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return id;
        throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix {method} answered ok without <{element}><id>.") { Method = "POST", Path = method };
    }
}
