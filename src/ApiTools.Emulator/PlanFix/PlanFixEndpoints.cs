using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// The one PlanFix endpoint: applies PlanFix faults, checks the token or sid, then dispatches on the request's
/// method. Reads are in this file; writes in PlanFixEndpoints.Writes.cs.
/// </summary>
internal sealed partial class PlanFixEndpoints
{
    public const int MaxPageSize = 100;

    private readonly PlanFixSeed _seed;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _tokens;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _logins;
    private readonly Dictionary<string, Func<Call, Task>> _methods;

    public PlanFixEndpoints(EmulatorOptions options, PlanFixSeed seed, TimeProvider time)
    {
        _seed = seed;
        _time = time;
        _tokens = [.. options.PlanFixTokens];
        _logins = [.. options.PlanFixLogins];
        _methods = new(StringComparer.Ordinal)
        {
            ["task.getList"] = TaskListAsync,
            ["task.get"] = TaskGetAsync,
            ["task.add"] = TaskAddAsync,
            ["task.update"] = TaskUpdateAsync,
            ["project.getList"] = ProjectListAsync,
            ["project.get"] = ProjectGetAsync,
            ["contact.getList"] = ContactListAsync,
            ["contact.get"] = ContactGetAsync,
            ["user.getList"] = UserListAsync,
            ["user.get"] = UserGetAsync,
            ["action.getList"] = ActionListAsync,
            ["action.add"] = ActionAddAsync,
        };
    }

    /// <summary>One admitted request; <see cref="UserId"/> is the user the token or sid acts as.</summary>
    private sealed record Call(HttpContext Context, XElement Root, long UserId);

    public async Task HandleAsync(HttpContext context)
    {
        var request = (PlanFixRequest)context.Items[PlanFixService.RequestItem]!;
        var caller = (PlanFixCaller)context.Items[PlanFixService.CallerItem]!;
        try
        {
            if (context.Features.Get<PlanFixFault>() is { } fault)
            {
                if (fault.Dtd)
                {
                    await PlanFixXml.WriteDtdAsync(context);
                    return;
                }
                if (fault.ErrorCode is { } code)
                    throw new PlanFixError(code, code switch
                    {
                        "0011" => "Идёт обновление платформы, повторите запрос позже",
                        "3014" => "Задача изменяется, повторите запрос позже",
                        _ => "Ошибка, заданная эмулятором",
                    });
                if (fault.ExpireSid && request.Sid is { Length: > 0 } sid) _seed.ExpireSid(sid);
            }

            var method = request.Method ?? throw new PlanFixError("0008", "Не указан метод");
            if (method == "auth.login")
            {
                await LoginAsync(context, request.Root!);
                return;
            }
            var userId = Authenticate(request, caller);
            if (!_methods.TryGetValue(method, out var handler)) throw new PlanFixError("0008", $"Неизвестный метод {method}");
            await handler(new Call(context, request.Root!, userId));
        }
        catch (PlanFixError e)
        {
            await PlanFixXml.WriteErrorAsync(context, e.Code, e.Message);
        }
    }

    /// <summary>Token mode: the token's user (0012 for an unknown one). Login mode: the sid's (0012 without one, 0005 dead).</summary>
    private long Authenticate(PlanFixRequest request, PlanFixCaller caller)
    {
        if (caller.Secret.Length > 0)
        {
            var index = IndexOf(_tokens, caller.Secret);
            if (index < 0) throw new PlanFixError("0012", "Неизвестный токен");
            return UserAt(index);
        }
        if (request.Sid is not { Length: > 0 } sid) throw new PlanFixError("0012", "Нет сессии: выполните auth.login или передайте токен");
        return _seed.UserOfSid(sid, caller.Account) ?? throw new PlanFixError("0005", "Сессия истекла или не существует");
    }

    private async Task LoginAsync(HttpContext context, XElement root)
    {
        var login = Required(root, "login");
        var password = root.Element("password")?.Value ?? throw PlanFixError.Missing("password");
        var index = -1;
        for (var i = 0; i < _logins.Count; i++)
            if (_logins[i].Key == login && _logins[i].Value == password) index = i;
        if (index < 0) throw new PlanFixError("1001", "Неверный логин или пароль");
        var sid = _seed.IssueSid(_seed.Account, UserAt(index));
        await PlanFixXml.WriteOkAsync(context, w => w.Element("sid", sid));
    }

    private long UserAt(int index) => _seed.Users[index % _seed.Users.Count].Id;

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (string.Equals(list[i], value, StringComparison.Ordinal)) return i;
        return -1;
    }

    // ---- tasks ----

    private Task TaskListAsync(Call call)
    {
        var root = call.Root;
        var target = (root.Element("target")?.Value.Trim() ?? "").ToLowerInvariant();
        if (target.Length == 0) target = "all";
        if (target is not ("all" or "in" or "out" or "template" or "periodic"))
            throw PlanFixError.BadValue("target", root.Element("target")!.Value);
        var projectId = OptionalLong(root.Element("project")?.Element("id"), "project/id");
        if (projectId is { } p && _seed.FindProject(p) is null) throw PlanFixError.ProjectNotFound(p);
        var status = OptionalLong(root.Element("status"), "status");
        var filter = root.Element("filter")?.Value.Trim().ToUpperInvariant();
        if (filter is not (null or "" or "ACTIVE" or "OVERDUE" or "MY"))
            throw PlanFixError.BadValue("filter", root.Element("filter")!.Value);
        var (page, size) = Paging(call);
        var now = _time.GetUtcNow();
        var user = call.UserId;

        bool Matches(SeedPlanFixTask t) =>
            target switch
            {
                "in" => t.WorkerIds.Contains(user),
                "out" => t.OwnerId == user,
                "template" or "periodic" => false,
                _ => true,
            }
            && (projectId is null || t.ProjectId == projectId)
            && (status is null || t.Status == status)
            && filter switch
            {
                "ACTIVE" => t.Status != 3,
                "OVERDUE" => t.Status != 3 && IsOverdue(t, now),
                "MY" => t.OwnerId == user || t.WorkerIds.Contains(user),
                _ => true,
            };

        var tasks = _seed.TaskSnapshot();
        var matching = target == "all" && projectId is null && status is null && string.IsNullOrEmpty(filter)
            ? tasks
            : tasks.Where(Matches).ToArray();
        return WriteListAsync(call.Context, "tasks", matching, page, size, WriteTask);
    }

    private static bool IsOverdue(SeedPlanFixTask t, DateTimeOffset now) =>
        t.EndTime is { } end && (t.EndTimeHasTime ? end : end.AddDays(1)) < now;

    private Task TaskGetAsync(Call call) =>
        OneAsync(call, ByIdOrGeneral(call.Root.Element("task"), "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound), WriteTask);

    private void WriteTask(XmlWriter w, SeedPlanFixTask t)
    {
        w.WriteStartElement("task");
        w.Element("id", t.Id);
        w.Element("general", t.General);
        w.Element("title", t.Title);
        w.Element("description", t.Description);
        w.Element("importance", t.Importance);
        w.Element("status", t.Status);
        w.Element("statusSet", t.StatusSet);
        w.Element("type", "task");
        w.Ref("owner", t.OwnerId, "name", _seed.FindUser(t.OwnerId)?.FullName ?? "");
        if (t.ProjectId is { } projectId) w.Ref("project", projectId, "title", _seed.FindProject(projectId)?.Title ?? "");
        if (t.ClientId is { } clientId) w.Ref("client", clientId, "name", _seed.FindContact(clientId)?.FullName ?? "");
        w.Element("beginDateTime", PlanFixXml.Date(t.BeginDateTime, withTime: true));
        if (t.StartTime is { } start) w.Element("startTime", PlanFixXml.Date(start, withTime: false));
        if (t.EndTime is { } end) w.Element("endTime", PlanFixXml.Date(end, t.EndTimeHasTime));
        w.WriteStartElement("workers");
        w.WriteStartElement("users");
        foreach (var workerId in t.WorkerIds) w.Ref("user", workerId, "name", _seed.FindUser(workerId)?.FullName ?? "");
        w.WriteEndElement();
        w.WriteEndElement();
        if (t.CustomData.Count > 0)
        {
            w.WriteStartElement("customData");
            foreach (var c in t.CustomData)
            {
                w.WriteStartElement("customValue");
                w.Ref("field", c.FieldId, "name", c.FieldName);
                w.Element("value", c.Value);
                w.Element("text", c.Text);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    // ---- projects, contacts, users ----

    private Task ProjectListAsync(Call call) => ListAsync(call, "projects", _seed.Projects, WriteProject);

    private Task ProjectGetAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("project")?.Element("id"), "project/id");
        return OneAsync(call, _seed.FindProject(id) ?? throw PlanFixError.ProjectNotFound(id), WriteProject);
    }

    private void WriteProject(XmlWriter w, SeedPlanFixProject p)
    {
        w.WriteStartElement("project");
        w.Element("id", p.Id);
        w.Element("title", p.Title);
        w.Element("description", p.Description);
        w.Ref("owner", p.OwnerId, "name", _seed.FindUser(p.OwnerId)?.FullName ?? "");
        w.Element("status", p.Status);
        w.WriteEndElement();
    }

    private Task ContactListAsync(Call call) => ListAsync(call, "contacts", _seed.Contacts, WriteContact);

    private Task ContactGetAsync(Call call) =>
        OneAsync(call, ByIdOrGeneral(call.Root.Element("contact"), "contact", _seed.FindContact,
            general => _seed.Contacts.FirstOrDefault(c => c.General == general), PlanFixError.ContactNotFound), WriteContact);

    private static void WriteContact(XmlWriter w, SeedPlanFixContact c)
    {
        w.WriteStartElement("contact");
        w.Element("id", c.Id);
        w.Element("userid", c.UserId);
        w.Element("general", c.General);
        w.Element("name", c.Name);
        w.Element("lastName", c.LastName);
        w.Element("email", c.Email);
        w.Element("phone", c.Phone);
        w.Element("post", c.Post);
        w.Element("isCompany", c.IsCompany ? 1 : 0);
        w.WriteEndElement();
    }

    private Task UserListAsync(Call call) => ListAsync(call, "users", _seed.Users, WriteUser);

    /// <summary><c>&lt;user&gt;&lt;id/&gt;</c>; without it, the calling user (as PlanFix does).</summary>
    private Task UserGetAsync(Call call)
    {
        var id = OptionalLong(call.Root.Element("user")?.Element("id"), "user/id") ?? call.UserId;
        return OneAsync(call, _seed.FindUser(id) ?? throw PlanFixError.UserNotFound(id), WriteUser);
    }

    private static void WriteUser(XmlWriter w, SeedPlanFixUser u)
    {
        w.WriteStartElement("user");
        w.Element("id", u.Id);
        w.Element("name", u.Name);
        w.Element("lastName", u.LastName);
        w.Element("email", u.Email);
        w.Element("active", u.Active ? 1 : 0);
        w.WriteEndElement();
    }

    // ---- actions ----

    private Task ActionListAsync(Call call)
    {
        var taskId = RequiredLong(call.Root.Element("task")?.Element("id"), "task/id");
        if (_seed.FindTask(taskId) is null) throw PlanFixError.TaskNotFound(taskId);
        return ListAsync(call, "actions", _seed.ActionsOf(taskId), WriteAction);
    }

    private void WriteAction(XmlWriter w, SeedPlanFixAction a)
    {
        w.WriteStartElement("action");
        w.Element("id", a.Id);
        w.Element("description", a.Description);
        w.Element("dateTime", PlanFixXml.Date(a.DateTime, withTime: true));
        w.Ref("owner", a.OwnerId, "name", _seed.FindUser(a.OwnerId)?.FullName ?? "");
        w.WriteStartElement("task");
        w.Element("id", a.TaskId);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    // ---- shared ----

    /// <summary><c>pageCurrent</c> (1-based, default 1) and <c>pageSize</c> (default and maximum 100; more is 0021). Under
    /// the IgnorePaging fault every request gets page 1.</summary>
    private static (int Page, int Size) Paging(Call call)
    {
        var root = call.Root;
        var page = OptionalLong(root.Element("pageCurrent"), "pageCurrent") ?? 1;
        if (call.Context.Features.Get<IgnorePagingFault>() is not null) page = 1;
        var size = OptionalLong(root.Element("pageSize"), "pageSize") ?? MaxPageSize;
        if (size > MaxPageSize) throw new PlanFixError("0021", $"pageSize больше допустимого максимума {MaxPageSize}");
        if (size < 1) throw new PlanFixError("0015", "pageSize должен быть не меньше 1");
        if (page < 1) throw new PlanFixError("0015", "pageCurrent должен быть не меньше 1");
        return (page > int.MaxValue ? int.MaxValue : (int)page, (int)size);
    }

    /// <summary>The page the request asks for (<c>pageCurrent</c>, <c>pageSize</c>) of a whole list.</summary>
    private static Task ListAsync<T>(Call call, string listName, IReadOnlyList<T> items, Action<XmlWriter, T> write)
    {
        var (page, size) = Paging(call);
        return WriteListAsync(call.Context, listName, items, page, size, write);
    }

    private static Task OneAsync<T>(Call call, T item, Action<XmlWriter, T> write) =>
        PlanFixXml.WriteOkAsync(call.Context, w => write(w, item));

    /// <summary>
    /// The object <c>&lt;what&gt;&lt;id/&gt;</c> or <c>&lt;what&gt;&lt;general/&gt;</c> names (the id wins); 0009 without
    /// either, <paramref name="notFound"/> for the number given when there is none.
    /// </summary>
    private static T ByIdOrGeneral<T>(XElement? element, string what, Func<long, T?> byId, Func<long, T?> byGeneral,
        Func<long, PlanFixError> notFound) where T : class
    {
        var id = OptionalLong(element?.Element("id"), what + "/id");
        var general = OptionalLong(element?.Element("general"), what + "/general");
        if (id is null && general is null) throw PlanFixError.Missing($"{what}/id или {what}/general");
        var found = id is { } i ? byId(i) : byGeneral(general!.Value);
        return found ?? throw notFound(id ?? general!.Value);
    }

    private static Task WriteListAsync<T>(HttpContext context, string listName, IReadOnlyList<T> matching, int page, int size,
        Action<XmlWriter, T> write)
    {
        var from = (long)(page - 1) * size;
        var count = from >= matching.Count ? 0 : (int)Math.Min(size, matching.Count - from);
        return PlanFixXml.WriteOkAsync(context, w =>
        {
            w.WriteStartElement(listName);
            w.WriteAttributeString("count", count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("totalCount", matching.Count.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < count; i++) write(w, matching[(int)from + i]);
            w.WriteEndElement();
        });
    }

    private static string Required(XElement root, string name)
    {
        var value = root.Element(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? throw PlanFixError.Missing(name) : value;
    }

    private static long RequiredLong(XElement? element, string what) =>
        OptionalLong(element, what) ?? throw PlanFixError.Missing(what);

    /// <summary>Null when absent or empty; 0015 when not a whole number.</summary>
    private static long? OptionalLong(XElement? element, string what)
    {
        var text = element?.Value.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw PlanFixError.BadValue(what, text);
    }
}
