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
    private readonly PlanFixWriter _write;

    public PlanFixEndpoints(EmulatorOptions options, PlanFixSeed seed, TimeProvider time)
    {
        _seed = seed;
        _time = time;
        _tokens = [.. options.PlanFixTokens];
        _logins = [.. options.PlanFixLogins];
        _write = new PlanFixWriter(seed);
        _methods = new(StringComparer.Ordinal)
        {
            ["task.getList"] = TaskListAsync,
            ["task.get"] = TaskGetAsync,
            ["task.getMulti"] = TaskMultiAsync,
            ["task.add"] = TaskAddAsync,
            ["task.update"] = TaskUpdateAsync,
            ["task.changeStatus"] = TaskChangeStatusAsync,
            ["task.updateCustomData"] = TaskUpdateCustomDataAsync,
            ["task.getPossibleStatusToChange"] = TaskPossibleStatusesAsync,
            ["taskStatus.getSetList"] = StatusSetListAsync,
            ["taskStatus.getListOfSet"] = StatusListOfSetAsync,
            ["project.getList"] = ProjectListAsync,
            ["project.get"] = ProjectGetAsync,
            ["project.add"] = ProjectAddAsync,
            ["project.update"] = ProjectUpdateAsync,
            ["contact.getList"] = ContactListAsync,
            ["contact.get"] = ContactGetAsync,
            ["contact.add"] = ContactAddAsync,
            ["contact.update"] = ContactUpdateAsync,
            ["contact.updateCustomData"] = ContactUpdateCustomDataAsync,
            ["contact.getPhoneTypes"] = PhoneTypesAsync,
            ["user.getList"] = UserListAsync,
            ["user.get"] = UserGetAsync,
            ["action.getList"] = ActionListAsync,
            ["action.get"] = ActionGetAsync,
            ["action.add"] = ActionAddAsync,
            ["analitic.getList"] = AnaliticListAsync,
            ["analitic.getOptions"] = AnaliticOptionsAsync,
            ["analitic.getHandbook"] = AnaliticHandbookAsync,
            ["analitic.getData"] = AnaliticDataAsync,
            ["handbook.getList"] = HandbookListAsync,
            ["handbook.getStructure"] = HandbookStructureAsync,
            ["handbook.getRecords"] = HandbookRecordsAsync,
            ["handbook.getRecord"] = HandbookRecordAsync,
            ["handbook.getRecordMulti"] = HandbookRecordMultiAsync,
            ["handbook.addRecord"] = HandbookAddRecordAsync,
            ["handbook.updateRecord"] = HandbookUpdateRecordAsync,
            ["file.getListForTask"] = FileListAsync,
            ["file.get"] = FileGetAsync,
            ["file.upload"] = FileUploadAsync,
            ["file.download"] = FileDownloadAsync,
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
