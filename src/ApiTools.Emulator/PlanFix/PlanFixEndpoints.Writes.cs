using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// Task writes, stored in PlanFixSeed so later reads show them. task.update follows the reference: every parameter it
// is not sent (id aside) goes back to its default, so a client must send the task whole. A status change is
// task.changeStatus, whose <status> stands at the request's root.
internal sealed partial class PlanFixEndpoints
{
    private Task TaskAddAsync(Call call)
    {
        var element = call.Root.Element("task") ?? throw PlanFixError.Missing("task");
        if (string.IsNullOrWhiteSpace(element.Element("title")?.Value)) throw PlanFixError.Missing("task/title");
        var now = _seed.Generator.Local(_time.GetUtcNow());
        var draft = Apply(element, Blank(0, 0, now, call.UserId), call.UserId);
        var task = _seed.AddTask((id, general) => draft with { Id = id, General = general, ChangedAt = now });
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("task");
            w.Element("id", task.Id);
            w.Element("general", task.General);
            w.WriteEndElement();
        });
    }

    /// <summary>task.update: the task rebuilt from what the request says, everything left out at its default.</summary>
    private Task TaskUpdateAsync(Call call)
    {
        var element = call.Root.Element("task") ?? throw PlanFixError.Missing("task");
        var current = ByIdOrGeneral(element, "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        SeedPlanFixTask Rebuilt(SeedPlanFixTask t) =>
            Apply(element, Blank(t.Id, t.General, t.BeginDateTime, call.UserId) with { StatusSet = t.StatusSet, Periodicity = t.Periodicity }, call.UserId);
        Rebuilt(current); // a bad field changes nothing: checked before anything is stored
        var updated = _seed.UpdateTask(current.Id, Rebuilt) ?? throw PlanFixError.TaskNotFound(current.Id);
        return WriteTaskIdAsync(call, updated.Id);
    }

    private Task TaskChangeStatusAsync(Call call)
    {
        var task = ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        // The reference puts <status> at the request's root, beside <task>; inside <task> it is not read.
        var given = call.Root.Element("status")?.Value.Trim();
        if (string.IsNullOrEmpty(given)) throw PlanFixError.Missing("status");
        var status = StatusOf(given, task.StatusSet);
        var updated = _seed.UpdateTask(task.Id, t => t with { Status = status }) ?? throw PlanFixError.TaskNotFound(task.Id);
        if (status != task.Status)
            _seed.AddAction(task.Id, id => new SeedPlanFixAction(id, task.Id, "", _seed.Generator.Local(_time.GetUtcNow()), call.UserId)
                { Type = "STATUSCHANGED", StatusChange = (task.Status, status) });
        return WriteTaskIdAsync(call, updated.Id);
    }

    private Task TaskUpdateCustomDataAsync(Call call)
    {
        var element = call.Root.Element("task") ?? throw PlanFixError.Missing("task");
        var task = ByIdOrGeneral(element, "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        var data = PlanFixCustomValues.Apply(PlanFixCatalogData.TaskFields, task.CustomData, element.Element("customData"), _seed.FindContactByUserId);
        _seed.UpdateTask(task.Id, t => t with { CustomData = data });
        return WriteTaskIdAsync(call, task.Id);
    }

    private static Task WriteTaskIdAsync(Call call, long id) =>
        PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.IdOf("task", id);
        });

    /// <summary>A task with every writable field at its default (what task.add starts from and task.update resets to).</summary>
    private static SeedPlanFixTask Blank(long id, long general, DateTimeOffset begin, long caller) =>
        new(id, general, "", "", "AVERAGE", 1, 1, caller, null, null, begin, null, null, false, [], PlanFixCustomValues.Empty(PlanFixCatalogData.TaskFields));

    /// <summary>A status id of <paramref name="statusSet"/> from an id or a system value; 0015 for any other.</summary>
    private static int StatusOf(string given, int statusSet)
    {
        var status = int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id
            : PlanFixCatalogData.SystemStatus(given) ?? throw PlanFixError.BadValue("status", given);
        var set = PlanFixCatalogData.StatusSets.First(s => s.Id == statusSet);
        if (!set.StatusIds.Contains(status)) throw new PlanFixError("0015", $"Статус {given} не входит в процесс задачи «{set.Name}»");
        return status;
    }

    /// <summary>
    /// The fields a <c>&lt;task&gt;</c> names, applied to <paramref name="task"/>: title, description, importance (AVERAGE,
    /// HIGH), status, statusSet, checkResult, owner/id, parent/id, project/id and client/id (0 = none), the dates as
    /// startDateIsSet/startDate/startTimeIsSet/startTime (and end…), isSummary, duration, workers/members/auditors
    /// (users/id, groups/id: replace the list), customData. Unknown ids: 0013 user, 2001 project, 3001 task, 8002
    /// contact; bad values 0015.
    /// </summary>
    private SeedPlanFixTask Apply(XElement element, SeedPlanFixTask task, long caller)
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
            if (value is not ("AVERAGE" or "HIGH")) throw PlanFixError.BadValue("importance", importance.Value);
            task = task with { Importance = value };
        }
        if (OptionalLong(element.Element("statusSet"), "statusSet") is { } set)
        {
            if (PlanFixCatalogData.StatusSets.All(s => s.Id != set)) throw PlanFixError.BadValue("statusSet", set);
            task = task with { StatusSet = (int)set };
        }
        if (element.Element("status")?.Value.Trim() is { Length: > 0 } status) task = task with { Status = StatusOf(status, task.StatusSet) };
        if (element.Element("checkResult") is { } check) task = task with { CheckResult = check.Value.Trim() == "1" };
        if (element.Element("isSummary") is { } summary) task = task with { IsSummary = summary.Value.Trim() == "1" };
        if (OptionalLong(element.Element("owner")?.Element("id"), "owner/id") is { } ownerId)
        {
            if (_seed.FindUser(ownerId) is null && _seed.FindContactByUserId(ownerId) is null) throw PlanFixError.UserNotFound(ownerId);
            task = task with { OwnerId = ownerId };
        }
        if (OptionalLong(element.Element("parent")?.Element("id"), "parent/id") is { } parentId)
        {
            if (parentId != 0 && _seed.FindTask(parentId) is null) throw PlanFixError.TaskNotFound(parentId);
            task = task with { ParentId = parentId };
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
        task = Dates(element, task);
        if (element.Element("durationIsSet")?.Value.Trim() == "1" || element.Element("duration") is { Value.Length: > 0 } && element.Element("durationIsSet") is null)
            task = task with
            {
                Duration = (int)(OptionalLong(element.Element("duration"), "duration") ?? 0),
                DurationUnit = (int)(OptionalLong(element.Element("durationUnit"), "durationUnit") ?? 0),
            };
        if (element.Element("workers") is { } workers) task = task with { WorkerIds = Users(workers, "workers"), WorkerGroupIds = Groups(workers, "workers") };
        if (element.Element("members") is { } members) task = task with { MemberIds = Users(members, "members") };
        if (element.Element("auditors") is { } auditors) task = task with { AuditorIds = Users(auditors, "auditors") };
        task = task with { CustomData = PlanFixCustomValues.Apply(PlanFixCatalogData.TaskFields, task.CustomData, element.Element("customData"), _seed.FindContactByUserId) };
        return task;
    }

    /// <summary>startDateIsSet/startDate/startTimeIsSet/startTime and the same for end (the reference's write shape); an
    /// endTime (or startTime) holding a whole date is read too.</summary>
    private SeedPlanFixTask Dates(XElement element, SeedPlanFixTask task)
    {
        foreach (var part in new[] { "start", "end" })
        {
            var isSet = element.Element(part + "DateIsSet")?.Value.Trim();
            var date = element.Element(part + "Date")?.Value.Trim();
            var time = element.Element(part + "Time")?.Value.Trim();
            var timeIsSet = element.Element(part + "TimeIsSet")?.Value.Trim() == "1";
            string? text = null;
            var clear = false;
            if (isSet == "0") clear = true;
            else if (!string.IsNullOrEmpty(date)) text = timeIsSet && !string.IsNullOrEmpty(time) ? date + " " + time : date;
            else if (time is { Length: > 5 }) text = time; // a whole date in startTime/endTime
            else if (isSet == "1") throw PlanFixError.Missing(part + "Date");
            if (clear)
            {
                task = part == "start" ? task with { StartTime = null, StartTimeHasTime = false } : task with { EndTime = null, EndTimeHasTime = false };
                continue;
            }
            if (text is null) continue;
            if (!PlanFixXml.TryParseDate(text, _seed.TimeZone, out var value, out var withTime)) throw PlanFixError.BadValue(part + "Date", text);
            task = part == "start" ? task with { StartTime = value, StartTimeHasTime = withTime } : task with { EndTime = value, EndTimeHasTime = withTime };
        }
        return task;
    }

    /// <summary>People ids of <c>users/id</c> (or <c>users/user/id</c>); 0013 for an unknown user.</summary>
    private List<long> Users(XElement people, string what)
    {
        var users = people.Element("users");
        var ids = new List<long>();
        foreach (var idElement in (users?.Elements("id") ?? []).Concat(users?.Elements("user").Select(u => u.Element("id")!).Where(e => e is not null) ?? []))
        {
            var id = OptionalLong(idElement, what + "/users/id") ?? throw new PlanFixError("0015", $"Пустой {what}/users/id");
            if (_seed.FindUser(id) is null && _seed.FindContactByUserId(id) is null) throw PlanFixError.UserNotFound(id);
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    private static List<long> Groups(XElement people, string what)
    {
        var groups = people.Element("groups");
        var ids = new List<long>();
        foreach (var idElement in (groups?.Elements("id") ?? []).Concat(groups?.Elements("group").Select(g => g.Element("id")!).Where(e => e is not null) ?? []))
        {
            var id = OptionalLong(idElement, what + "/groups/id") ?? throw new PlanFixError("0015", $"Пустой {what}/groups/id");
            if (PlanFixCatalogData.UserGroups.All(g => g.Id != id)) throw new PlanFixError("5001", $"Группа {id} не найдена");
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }
}
