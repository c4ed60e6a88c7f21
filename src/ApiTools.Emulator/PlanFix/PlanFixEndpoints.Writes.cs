using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// task.add, task.update and action.add: stored in PlanFixSeed, so later reads show them.
internal sealed partial class PlanFixEndpoints
{
    private Task TaskAddAsync(Call call)
    {
        var element = call.Root.Element("task") ?? throw PlanFixError.Missing("task");
        if (string.IsNullOrWhiteSpace(element.Element("title")?.Value)) throw PlanFixError.Missing("task/title");
        var now = _seed.Generator.Local(_time.GetUtcNow());
        var draft = new SeedPlanFixTask(0, 0, "", "", "AVERAGE", 1, 1, call.UserId, null, null, now, null, null, false, [], []);
        draft = Apply(element, draft);
        var task = _seed.AddTask((id, general) => draft with { Id = id, General = general });
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("task");
            w.Element("id", task.Id);
            w.Element("general", task.General);
            w.WriteEndElement();
        });
    }

    private Task TaskUpdateAsync(Call call)
    {
        var element = call.Root.Element("task") ?? throw PlanFixError.Missing("task");
        var id = RequiredLong(element.Element("id"), "task/id");
        var current = _seed.FindTask(id) ?? throw PlanFixError.TaskNotFound(id);
        // Validate against the current state first, so a bad field changes nothing; then apply under the lock.
        Apply(element, current);
        var updated = _seed.UpdateTask(id, t => Apply(element, t)) ?? throw PlanFixError.TaskNotFound(id);
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("task");
            w.Element("id", updated.Id);
            w.WriteEndElement();
        });
    }

    private Task ActionAddAsync(Call call)
    {
        var element = call.Root.Element("action") ?? throw PlanFixError.Missing("action");
        var description = element.Element("description")?.Value;
        if (string.IsNullOrWhiteSpace(description)) throw PlanFixError.Missing("action/description");
        var taskId = RequiredLong(element.Element("task")?.Element("id"), "action/task/id");
        var at = _seed.Generator.Local(_time.GetUtcNow());
        var action = _seed.AddAction(taskId, description, call.UserId, at) ?? throw PlanFixError.TaskNotFound(taskId);
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("action");
            w.Element("id", action.Id);
            w.WriteEndElement();
        });
    }

    /// <summary>
    /// The fields a <c>&lt;task&gt;</c> names, applied to <paramref name="task"/>: title, description, importance,
    /// status, owner/id, project/id (0 = none), client/id (0 = none), workers/users/id (or …/user/id; replaces the
    /// list), startTime, endTime. Unknown ids: 0013 user, 2001 project, 8002 contact; bad values 0015.
    /// </summary>
    private SeedPlanFixTask Apply(XElement element, SeedPlanFixTask task)
    {
        if (element.Element("title") is { } title)
        {
            if (string.IsNullOrWhiteSpace(title.Value)) throw new PlanFixError("0015", "Название задачи не может быть пустым");
            task = task with { Title = title.Value.Trim() };
        }
        if (element.Element("description") is { } description) task = task with { Description = description.Value };
        if (element.Element("importance") is { } importance)
        {
            var value = importance.Value.Trim().ToUpperInvariant();
            if (value is not ("AVERAGE" or "HIGH" or "LOW")) throw PlanFixError.BadValue("importance", importance.Value);
            task = task with { Importance = value };
        }
        if (OptionalLong(element.Element("status"), "status") is { } status)
        {
            if (status is < 1 or > 9) throw PlanFixError.BadValue("status", status);
            task = task with { Status = (int)status };
        }
        if (OptionalLong(element.Element("owner")?.Element("id"), "owner/id") is { } ownerId)
        {
            if (_seed.FindUser(ownerId) is null) throw PlanFixError.UserNotFound(ownerId);
            task = task with { OwnerId = ownerId };
        }
        if (OptionalLong(element.Element("project")?.Element("id"), "project/id") is { } projectId)
        {
            if (projectId != 0 && _seed.FindProject(projectId) is null) throw PlanFixError.ProjectNotFound(projectId);
            task = task with { ProjectId = projectId == 0 ? null : projectId };
        }
        if (OptionalLong(element.Element("client")?.Element("id"), "client/id") is { } clientId)
        {
            if (clientId != 0 && _seed.FindContact(clientId) is null) throw PlanFixError.ContactNotFound(clientId);
            task = task with { ClientId = clientId == 0 ? null : clientId };
        }
        if (element.Element("workers") is { } workers)
        {
            var users = workers.Element("users");
            var ids = new List<long>();
            foreach (var idElement in (users?.Elements("id") ?? []).Concat(users?.Elements("user").Select(u => u.Element("id")!).Where(e => e is not null) ?? []))
            {
                var workerId = OptionalLong(idElement, "workers/users/id") ?? throw new PlanFixError("0015", "Пустой workers/users/id");
                if (_seed.FindUser(workerId) is null) throw PlanFixError.UserNotFound(workerId);
                if (!ids.Contains(workerId)) ids.Add(workerId);
            }
            task = task with { WorkerIds = ids };
        }
        if (element.Element("startTime") is { } startTime)
        {
            if (!PlanFixXml.TryParseDate(startTime.Value, _seed.TimeZone, out var start, out _))
                throw PlanFixError.BadValue("startTime", startTime.Value);
            task = task with { StartTime = _seed.Generator.LocalDate(start) };
        }
        if (element.Element("endTime") is { } endTime)
        {
            if (endTime.Value.Trim().Length == 0) task = task with { EndTime = null, EndTimeHasTime = false };
            else if (PlanFixXml.TryParseDate(endTime.Value, _seed.TimeZone, out var end, out var withTime))
                task = task with { EndTime = end, EndTimeHasTime = withTime };
            else throw PlanFixError.BadValue("endTime", endTime.Value);
        }
        return task;
    }
}
