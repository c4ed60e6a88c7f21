using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Serialization;
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

    public IAsyncEnumerable<PlanFixTask> GetTasksAsync(PlanFixTaskQuery? query = null, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var p = new Dictionary<string, object?>();
        if (query?.Target is { Length: > 0 } target) p["target"] = target.ToLowerInvariant() is var t && t is "all" or "in" or "out" or "template" or "periodic" ? t : target;
        if (query?.ProjectId is long project) p["project"] = new Dictionary<string, object?> { ["id"] = project };
        if (query?.Status is int status) p["status"] = status;
        if (query?.Filter is { Length: > 0 } filter) p["filter"] = filter.ToUpperInvariant();
        return Select(InvokeListAsync("task.getList", p, "tasks", "task", range, cancellationToken), x => PlanFixReader.Task(x, Connection.TimeZone));
    }

    public Task<PlanFixTask> GetTaskAsync(long id, CancellationToken cancellationToken = default) =>
        GetOneAsync("task.get", "task", "id", id, x => PlanFixReader.Task(x, Connection.TimeZone), cancellationToken);

    /// <summary>A task by the number users see (#1234).</summary>
    public Task<PlanFixTask> GetTaskByGeneralAsync(long general, CancellationToken cancellationToken = default) =>
        GetOneAsync("task.get", "task", "general", general, x => PlanFixReader.Task(x, Connection.TimeZone), cancellationToken);

    public IAsyncEnumerable<PlanFixProject> GetProjectsAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        Select(InvokeListAsync("project.getList", null, "projects", "project", range, cancellationToken), PlanFixReader.Project);

    public Task<PlanFixProject> GetProjectAsync(long id, CancellationToken cancellationToken = default) =>
        GetOneAsync("project.get", "project", "id", id, PlanFixReader.Project, cancellationToken);

    public IAsyncEnumerable<PlanFixContact> GetContactsAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        Select(InvokeListAsync("contact.getList", null, "contacts", "contact", range, cancellationToken), PlanFixReader.Contact);

    public Task<PlanFixContact> GetContactAsync(long id, CancellationToken cancellationToken = default) =>
        GetOneAsync("contact.get", "contact", "id", id, PlanFixReader.Contact, cancellationToken);

    public IAsyncEnumerable<PlanFixUser> GetUsersAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        Select(InvokeListAsync("user.getList", null, "users", "user", range, cancellationToken), PlanFixReader.User);

    public Task<PlanFixUser> GetUserAsync(long id, CancellationToken cancellationToken = default) =>
        GetOneAsync("user.get", "user", "id", id, PlanFixReader.User, cancellationToken);

    /// <summary>The user the connection signs in as (user.get without an id): one cheap call that proves the credentials.</summary>
    public Task<PlanFixUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) =>
        GetOneAsync("user.get", "user", null, null, PlanFixReader.User, cancellationToken);

    /// <summary>The actions (comments, status changes) of one task.</summary>
    public IAsyncEnumerable<PlanFixAction> GetActionsAsync(long taskId, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var p = new Dictionary<string, object?> { ["task"] = new Dictionary<string, object?> { ["id"] = taskId } };
        return Select(InvokeListAsync("action.getList", p, "actions", "action", range, cancellationToken), x =>
        {
            var action = PlanFixReader.Action(x, Connection.TimeZone);
            action.TaskId ??= taskId;
            return action;
        });
    }

    /// <param name="key">The element naming the item (id, general); null: none, for what the method returns by default.</param>
    private async Task<T> GetOneAsync<T>(string method, string element, string? key, long? id, Func<XElement, T> read, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, object?>();
        if (key is not null) named[key] = id;
        var p = new Dictionary<string, object?> { [element] = named };
        var response = await CallAsync(method, p, cancellationToken).ConfigureAwait(false);
        var item = response.Element(element)
                   ?? throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"PlanFix {method} answered ok without a <{element}>.") { Method = "POST", Path = method };
        return read(item);
    }

    private static async IAsyncEnumerable<T> Select<T>(IAsyncEnumerable<XElement> source, Func<XElement, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var x in source.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return map(x);
    }
}
