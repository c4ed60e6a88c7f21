using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// Task reads: task.getList (target, project, status, the simple filter set, complex filters and sort), task.get,
// task.getMulti, task.getPossibleStatusToChange, and the status sets.
internal sealed partial class PlanFixEndpoints
{
    private Task TaskListAsync(Call call)
    {
        var root = call.Root;
        var target = (root.Element("target")?.Value.Trim() ?? "").ToLowerInvariant();
        if (target.Length == 0) target = "all";
        if (target is not ("all" or "in" or "out" or "template" or "periodic"))
            throw PlanFixError.BadValue("target", root.Element("target")!.Value);
        var projectId = OptionalLong(root.Element("project")?.Element("id"), "project/id");
        if (projectId is { } p && _seed.FindProject(p) is null) throw PlanFixError.ProjectNotFound(p);
        var withSubprojects = root.Element("project")?.Element("withSubprojects")?.Value.Trim() == "1";
        var projects = projectId is { } pid
            ? (withSubprojects ? _seed.Projects.Where(x => x.Id == pid || x.ParentId == pid).Select(x => x.Id).ToHashSet() : [pid])
            : null;
        var statuses = StatusFilter(root.Element("status"));
        var filter = root.Element("filter")?.Value.Trim().ToUpperInvariant() ?? "";
        var simple = filter.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (simple.Any(f => f is not ("ACTIVE" or "OVERDUE" or "MY"))) throw PlanFixError.BadValue("filter", root.Element("filter")!.Value);
        var now = _seed.Generator.Local(_time.GetUtcNow());
        var complex = PlanFixFilters.Task(root.Element("filters"), now, _seed);
        var (page, size) = Paging(call);
        var user = call.UserId;

        bool Matches(SeedPlanFixTask t) =>
            target switch
            {
                "in" => t.WorkerIds.Contains(user),
                "out" => t.OwnerId == user,
                "periodic" => t.Periodicity is not null,
                _ => true,
            }
            && (projects is null || t.ProjectId is { } tp && projects.Contains(tp))
            && (statuses is null || statuses.Contains(t.Status))
            && simple.All(f => f switch
            {
                "ACTIVE" => PlanFixWriter.IsActive(t.Status),
                "OVERDUE" => PlanFixWriter.IsActive(t.Status) && IsOverdue(t, now),
                _ => t.OwnerId == user || t.WorkerIds.Contains(user),
            })
            && complex(t);

        IReadOnlyList<SeedPlanFixTask> tasks = target == "template" ? _seed.TaskTemplates : _seed.TaskSnapshot();
        var matching = tasks.Where(Matches).ToList();
        var sorted = Sort(matching, root.Element("sort")?.Value.Trim().ToUpperInvariant());
        return WriteListAsync(call.Context, "tasks", sorted, page, size, (w, t) => _write.Task(w, t, full: false));
    }

    /// <summary><c>status</c>: a status id, or a system value (ACTIVE, COMPLETED…); null when not given.</summary>
    private static HashSet<int>? StatusFilter(XElement? status)
    {
        var text = status?.Value.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return [id];
        return PlanFixCatalogData.SystemStatus(text) is { } system ? [system] : throw PlanFixError.BadValue("status", text);
    }

    private IReadOnlyList<SeedPlanFixTask> Sort(List<SeedPlanFixTask> tasks, string? sort)
    {
        if (string.IsNullOrEmpty(sort)) return tasks;
        var descending = sort.EndsWith("_DESC", StringComparison.Ordinal);
        if (!descending && !sort.EndsWith("_ASC", StringComparison.Ordinal)) throw PlanFixError.BadValue("sort", sort);
        Func<SeedPlanFixTask, IComparable> key = sort[..sort.LastIndexOf('_')] switch
        {
            "NUMBER" => t => t.General,
            "IMPORTANCE" => t => t.Importance == "HIGH" ? 1 : 0,
            "DEADLINE" => t => t.EndTime ?? DateTimeOffset.MaxValue,
            "TASKTITLE" => t => t.Title,
            "PROJECT" => t => t.ProjectId is { } p ? _seed.FindProject(p)?.Title ?? "" : "",
            _ => throw PlanFixError.BadValue("sort", sort),
        };
        var ordered = descending ? tasks.OrderByDescending(key).ThenByDescending(t => t.General) : tasks.OrderBy(key).ThenBy(t => t.General);
        return ordered.ToList();
    }

    private static bool IsOverdue(SeedPlanFixTask t, DateTimeOffset now) =>
        t.EndTime is { } end && (t.EndTimeHasTime ? end : end.AddDays(1)) < now;

    private Task TaskGetAsync(Call call) =>
        OneAsync(call, ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound),
            (w, t) => _write.Task(w, t, full: true));

    /// <summary>task.getMulti: up to 100 tasks by id or general; <c>&lt;tasks count&gt;</c> (no totalCount), unknown ones left out.</summary>
    private Task TaskMultiAsync(Call call)
    {
        var wanted = call.Root.Element("tasks")?.Elements().ToList() ?? throw PlanFixError.Missing("tasks");
        if (wanted.Count > MaxPageSize) throw new PlanFixError("0021", $"Не более {MaxPageSize} задач за запрос");
        var found = wanted.Select(e => e.Name.LocalName == "general"
                ? _seed.FindTaskByGeneral(RequiredLong(e, "tasks/general"))
                : _seed.FindTask(RequiredLong(e, "tasks/id")))
            .OfType<SeedPlanFixTask>().ToList();
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("tasks");
            w.WriteAttributeString("count", found.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var t in found) _write.Task(w, t, full: true);
            w.WriteEndElement();
        });
    }

    /// <summary>The statuses a task may move to: the other statuses of its set (<c>statusList/status{title,value}</c>).</summary>
    private Task TaskPossibleStatusesAsync(Call call)
    {
        var task = ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
        var set = PlanFixCatalogData.StatusSets.First(s => s.Id == task.StatusSet);
        var statuses = set.StatusIds.Where(id => id != task.Status).Select(id => PlanFixCatalogData.Statuses.First(s => s.Id == id)).ToList();
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.List("statusList", "status", statuses, (w, s) =>
            {
                w.Element("title", s.Name);
                w.Element("value", s.Id);
            }, countAttribute: "totalCount");
        });
    }

    private Task StatusSetListAsync(Call call) =>
        WriteAllAsync(call.Context, "taskStatusSets", PlanFixCatalogData.StatusSets, PlanFixWriter.StatusSet, withCount: false);

    private Task StatusListOfSetAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("taskStatusSet")?.Element("id"), "taskStatusSet/id");
        var set = PlanFixCatalogData.StatusSets.FirstOrDefault(s => s.Id == id);
        var statuses = set is null ? [] : set.StatusIds.Select(i => PlanFixCatalogData.Statuses.First(s => s.Id == i)).ToList();
        return WriteAllAsync(call.Context, "taskStatuses", statuses, PlanFixWriter.Status, withCount: false);
    }

    /// <summary>A whole list in one answer (methods without paging), with <c>totalCount</c> and, unless told, <c>count</c>.</summary>
    private static Task WriteAllAsync<T>(HttpContext context, string listName, IReadOnlyList<T> items, Action<XmlWriter, T> write, bool withCount = true) =>
        PlanFixXml.WriteOkAsync(context, w =>
        {
            w.WriteStartElement(listName);
            if (withCount) w.WriteAttributeString("count", items.Count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("totalCount", items.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var item in items) write(w, item);
            w.WriteEndElement();
        });
}
