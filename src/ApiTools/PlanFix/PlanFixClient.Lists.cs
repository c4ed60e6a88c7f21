using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix;

// Lists: pageCurrent/pageSize through the shared Pager (cursor = the next page number), typed reads by id.
public sealed partial class PlanFixClient
{
    /// <summary>
    /// Every item of a list method, page after page, one page ahead. Stops when <c>totalCount</c> items have come,
    /// or, where the list has no totalCount (handbook.getRecords), at a short page. <paramref name="listElement"/> and
    /// <paramref name="itemElement"/> name the list (<c>tasks</c>/<c>task</c>); null: the single child of
    /// <c>&lt;response&gt;</c> with a count or totalCount attribute, and all its child elements.
    /// The page size is fixed for the whole listing (PlanFix numbers pages by it): 100, or less when -First needs less.
    /// </summary>
    public IAsyncEnumerable<XElement> InvokeListAsync(string method, object? parameters, string? listElement = null, string? itemElement = null,
        PageRange range = default, CancellationToken cancellationToken = default)
    {
        if (parameters is not null and not IDictionary and not XElement)
            throw new ArgumentException("PlanFix parameters must be a dictionary of element names to values (a hashtable), or an XML element.", nameof(parameters));
        var firstPage = 1;
        int? fixedSize = null;
        if (Given(parameters, "pageSize") is string sizeText)
        {
            if (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) || size < 1)
                throw new ArgumentException($"pageSize '{sizeText}' is not a whole number of 1 or more.", nameof(parameters));
            fixedSize = size;
        }
        if (Given(parameters, "pageCurrent") is string pageText
            && (!int.TryParse(pageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out firstPage) || firstPage < 1))
            throw new ArgumentException($"pageCurrent '{pageText}' is not a whole number of 1 or more.", nameof(parameters));

        var pageSize = 0;
        Task<Page<XElement>> FetchAsync(string? cursor, int? limit, CancellationToken ct)
        {
            // The first call fixes the size: page N of size S starts at item (N-1)·S, so S must not change on the way.
            if (cursor is null) pageSize = fixedSize ?? Math.Min(limit ?? MaxPageSize, MaxPageSize);
            var page = cursor is null ? firstPage : int.Parse(cursor, CultureInfo.InvariantCulture);
            return FetchPageAsync(method, parameters, listElement, itemElement, page, pageSize, firstPage, ct);
        }

        return Pager.StreamAsync(FetchAsync, range, MaxPageSize, Observer, cancellationToken, ServiceName, ItemKeys.Of);
    }

    private async Task<Page<XElement>> FetchPageAsync(string method, object? parameters, string? listElement, string? itemElement,
        int page, int pageSize, int firstPage, CancellationToken cancellationToken)
    {
        var response = await CallAsync(method, WithPage(parameters, page, pageSize), cancellationToken).ConfigureAwait(false);
        var list = FindList(response, listElement);
        var items = list is null ? new List<XElement>() : (itemElement is null ? list.Elements() : list.Elements(itemElement)).ToList();
        var total = list?.Attribute("totalCount") is { } t && int.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var seen = (long)(page - 1) * pageSize + items.Count;
        string? next = null;
        if (items.Count > 0)
        {
            if (total is int all ? seen < all : items.Count >= pageSize) next = (page + 1).ToString(CultureInfo.InvariantCulture);
        }
        else if (total is int all && seen < all && page > firstPage)
        {
            Observer.OnWarning($"PlanFix {method} page {page} came back empty although totalCount is {all}; the listing stops there.");
        }
        return new Page<XElement>(items, next);
    }

    private static XElement? FindList(XElement response, string? listElement)
    {
        if (listElement is not null) return response.Element(listElement);
        var children = response.Elements().ToList();
        var lists = children.Where(c => c.Attribute("totalCount") is not null || c.Attribute("count") is not null).ToList();
        if (lists.Count == 1) return lists[0];
        return children.Count == 1 ? children[0] : null;
    }

    /// <summary>The caller's parameters with pageCurrent and pageSize set (a copy; the caller's object is not changed).</summary>
    private static object WithPage(object? parameters, int page, int pageSize)
    {
        var pageText = page.ToString(CultureInfo.InvariantCulture);
        var sizeText = pageSize.ToString(CultureInfo.InvariantCulture);
        if (parameters is XElement body)
        {
            var copy = new XElement(body);
            copy.Elements().Where(e => e.Name.LocalName is "pageCurrent" or "pageSize").Remove();
            copy.Add(new XElement("pageCurrent", pageText), new XElement("pageSize", sizeText));
            return copy;
        }
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (parameters is IDictionary given)
            foreach (DictionaryEntry e in given)
            {
                var key = e.Key?.ToString() ?? "";
                if (key is "pageCurrent" or "pageSize") continue;
                map[key] = e.Value;
            }
        map["pageCurrent"] = pageText;
        map["pageSize"] = sizeText;
        return map;
    }

    private static string? Given(object? parameters, string name) => parameters switch
    {
        IDictionary map => map.Contains(name) && map[name] is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null,
        XElement body => body.Element(name)?.Value,
        _ => null,
    };

    /// <summary>Tasks, page after page, filtered and sorted as <paramref name="query"/> says; each with its status's name.</summary>
    public async IAsyncEnumerable<PlanFixTask> GetTasksAsync(PlanFixTaskQuery? query = null, PageRange range = default,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var p = await TaskListParametersAsync(query ?? new PlanFixTaskQuery(), cancellationToken).ConfigureAwait(false);
        await foreach (var x in InvokeListAsync("task.getList", p, "tasks", "task", range, cancellationToken).ConfigureAwait(false))
            yield return await TaskAsync(x, cancellationToken).ConfigureAwait(false);
    }

    public Task<PlanFixTask> GetTaskAsync(long id, CancellationToken cancellationToken = default) =>
        GetTaskByAsync("id", id, cancellationToken);

    /// <summary>A task by the number users see (#1234).</summary>
    public Task<PlanFixTask> GetTaskByGeneralAsync(long general, CancellationToken cancellationToken = default) =>
        GetTaskByAsync("general", general, cancellationToken);

    private async Task<PlanFixTask> GetTaskByAsync(string key, long value, CancellationToken cancellationToken) =>
        await TaskAsync(await GetElementAsync("task.get", "task", key, value, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    /// <summary>A task as read, its custom fields learned and its status named (the status sets are read once per connection).</summary>
    private async Task<PlanFixTask> TaskAsync(XElement x, CancellationToken cancellationToken)
    {
        var task = _read.Task(x);
        Connection.Catalog.Learn(TaskKind, task.CustomFields);
        if (task.Status is int status && await StatusesAsync(cancellationToken).ConfigureAwait(false) is { } statuses)
            task.StatusName = (statuses.FirstOrDefault(s => s.Id == status && s.StatusSetId == task.StatusSet)
                               ?? statuses.FirstOrDefault(s => s.Id == status))?.Name;
        return task;
    }

    public IAsyncEnumerable<PlanFixProject> GetProjectsAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        Select(InvokeListAsync("project.getList", null, "projects", "project", range, cancellationToken), ProjectOf);

    public async Task<PlanFixProject> GetProjectAsync(long id, CancellationToken cancellationToken = default) =>
        ProjectOf(await GetElementAsync("project.get", "project", "id", id, cancellationToken).ConfigureAwait(false));

    private PlanFixProject ProjectOf(XElement x)
    {
        var project = _read.Project(x);
        Connection.Catalog.Learn(ProjectKind, project.CustomFields);
        return project;
    }

    public IAsyncEnumerable<PlanFixUser> GetUsersAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        Select(InvokeListAsync("user.getList", null, "users", "user", range, cancellationToken), _read.User);

    public async Task<PlanFixUser> GetUserAsync(long id, CancellationToken cancellationToken = default) =>
        _read.User(await GetElementAsync("user.get", "user", "id", id, cancellationToken).ConfigureAwait(false));

    /// <summary>The user the connection signs in as (user.get without an id): one cheap call that proves the credentials.</summary>
    public async Task<PlanFixUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        _read.User(await GetElementAsync("user.get", "user", null, 0, cancellationToken).ConfigureAwait(false));

    /// <summary>The actions (comments, status changes) of one task.</summary>
    public IAsyncEnumerable<PlanFixAction> GetActionsAsync(long taskId, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var p = new Dictionary<string, object?> { ["task"] = new Dictionary<string, object?> { ["id"] = taskId } };
        return Select(InvokeListAsync("action.getList", p, "actions", "action", range, cancellationToken), x =>
        {
            var action = _read.Action(x);
            action.TaskId ??= taskId;
            return action;
        });
    }

    /// <summary>One action by its id (action.get).</summary>
    public async Task<PlanFixAction> GetActionAsync(long id, CancellationToken cancellationToken = default) =>
        _read.Action(await GetElementAsync("action.get", "action", "id", id, cancellationToken).ConfigureAwait(false));

    /// <summary>The <c>&lt;element&gt;</c> of a get method's answer for <c>&lt;element&gt;&lt;key&gt;value&lt;/key&gt;&lt;/element&gt;</c>;
    /// with no key, for <c>&lt;element/&gt;</c> (what the method returns by default: user.get gives the caller).</summary>
    private async Task<XElement> GetElementAsync(string method, string element, string? key, long value, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, object?>();
        if (key is not null) named[key] = value;
        var p = new Dictionary<string, object?> { [element] = named };
        var response = await CallAsync(method, p, cancellationToken).ConfigureAwait(false);
        return Required(response, element, method);
    }

    /// <summary>A child the answer must have; without it the answer is not what the method gives (ProtocolError).</summary>
    private static XElement Required(XElement response, string element, string method) =>
        response.Element(element)
        ?? throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix {method} answered ok without a <{element}>.") { Method = "POST", Path = method };

    /// <summary>The items of a list method that takes no paging (handbook.getList, analitic.getList, taskStatus.*): one call.</summary>
    private async Task<List<XElement>> ListOnceAsync(string method, object? parameters, string listElement, string itemElement, CancellationToken cancellationToken)
    {
        var response = await CallAsync(method, parameters, cancellationToken).ConfigureAwait(false);
        return response.Element(listElement)?.Elements(itemElement).ToList() ?? new List<XElement>();
    }

    private static async IAsyncEnumerable<T> Select<T>(IAsyncEnumerable<XElement> source, Func<XElement, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var x in source.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return map(x);
    }
}
