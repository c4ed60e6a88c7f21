using System.Globalization;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix;

// The list methods' filters as PlanFix writes them: <filters><filter><type/><operator/><value/><field/></filter>…,
// with the type numbers of the reference (task filters 1 owner, 2 worker, 10 status, 12 created, 14 planned end, 38
// last change, 101–105 custom fields; contact filters 40xx/41xx). Dates compare by day in the connection's zone.
public sealed partial class PlanFixClient
{
    private async Task<Dictionary<string, object?>> TaskListParametersAsync(PlanFixTaskQuery q, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, object?>();
        var filters = new List<object?>();
        if (q.Target is { Length: > 0 } target)
            p["target"] = target.ToLowerInvariant() is "all" or "in" or "out" or "template" or "periodic" ? target.ToLowerInvariant() : target;
        if (q.ProjectId is long project)
        {
            var element = new Dictionary<string, object?> { ["id"] = project };
            if (q.WithSubprojects) element["withSubprojects"] = 1;
            p["project"] = element;
        }
        if (q.Filter is { Length: > 0 } filter) p["filter"] = filter.ToUpperInvariant();
        if (q.Sort is { Length: > 0 } sort) p["sort"] = sort.ToUpperInvariant();
        if (q.Status is { Length: > 0 } status)
        {
            var values = await StatusValuesAsync(status, null, cancellationToken).ConfigureAwait(false);
            if (values is null) await StatusValueAsync(status, null, "the listing", cancellationToken).ConfigureAwait(false); // throws, naming it
            else if (values.Count == 1) p["status"] = values[0];
            else filters.Add(Filter(10, "equal", string.Join(";", values))); // one name, several sets: every set's status of that name
        }
        if (q.OwnerId is long owner) filters.Add(Filter(1, "equal", owner));
        if (q.WorkerId is long worker) filters.Add(Filter(2, "equal", worker));
        AddDates(filters, 12, q.CreatedAfter, q.CreatedBefore);
        AddDates(filters, 14, q.EndAfter, q.EndBefore);
        AddDates(filters, 38, q.ChangedAfter, q.ChangedBefore);
        await AddCustomAsync(filters, TaskKind, q.CustomFields, text: 101, number: 102, date: 103, checkbox: 105, cancellationToken).ConfigureAwait(false);
        if (filters.Count > 0) p["filters"] = new Dictionary<string, object?> { ["filter"] = filters };
        return p;
    }

    private async Task<Dictionary<string, object?>> ContactListParametersAsync(PlanFixContactQuery q, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, object?>();
        var filters = new List<object?>();
        if (q.Target is { Length: > 0 } target) p["target"] = target.ToLowerInvariant() is "contact" or "company" or "template" ? target.ToLowerInvariant() : target;
        if (q.CompanyId is long company) p["company"] = company;
        if (q.Search is { Length: > 0 } search) p["search"] = search;
        if (q.Phone is { Length: > 0 } phone) filters.Add(Filter(4003, "equal", phone));
        if (q.Email is { Length: > 0 } email) filters.Add(Filter(4005, "equal", email));
        if (q.GroupId is long group) filters.Add(Filter(4008, "equal", group));
        AddDates(filters, 12, q.CreatedAfter, q.CreatedBefore);
        await AddCustomAsync(filters, ContactKind, q.CustomFields, text: 4101, number: 4102, date: 4103, checkbox: 4105, cancellationToken).ConfigureAwait(false);
        if (filters.Count > 0) p["filters"] = new Dictionary<string, object?> { ["filter"] = filters };
        return p;
    }

    private void AddDates(List<object?> filters, int type, DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after is DateTimeOffset a) filters.Add(Filter(type, "gt", Day(a)));
        if (before is DateTimeOffset b) filters.Add(Filter(type, "lt", Day(b)));
    }

    /// <summary>A date filter's value: one day (<c>anotherdate</c>) in the connection's zone.</summary>
    private Dictionary<string, object?> Day(DateTimeOffset day) => new()
    {
        ["datetype"] = "anotherdate",
        ["datefrom"] = PlanFixDates.Format(day, Connection.TimeZone, withTime: false),
    };

    /// <summary>Custom field filters: the field by name or id, the type from the value's kind (a number, true/false, a date, else text "contains").</summary>
    private async Task AddCustomAsync(List<object?> filters, string kind, PlanFixCustomValues? values, int text, int number, int date, int checkbox,
        CancellationToken cancellationToken)
    {
        if (values is null || values.Count == 0) return;
        var resolved = await ResolveCustomAsync(kind, values, null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < values.Count; i++)
        {
            var given = values[i].Value;
            var field = resolved[i].Id;
            object? value = given switch
            {
                DateTimeOffset o => Day(o),
                DateTime d => Day(new DateTimeOffset(d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d, DateTimeKind.Local))),
                _ => resolved[i].Text,
            };
            var type = given switch
            {
                bool => checkbox,
                DateTimeOffset or DateTime => date,
                sbyte or byte or short or ushort or int or uint or long or ulong or decimal or double or float => number,
                _ => text,
            };
            filters.Add(Filter(type, "equal", value, field));
        }
    }

    private static Dictionary<string, object?> Filter(int type, string op, object? value, long? field = null)
    {
        var f = new Dictionary<string, object?> { ["type"] = type.ToString(CultureInfo.InvariantCulture), ["operator"] = op, ["value"] = value };
        if (field is long id) f["field"] = id;
        return f;
    }
}
