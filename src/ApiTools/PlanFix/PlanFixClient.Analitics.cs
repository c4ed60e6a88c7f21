using System.Collections;
using System.Globalization;
using System.Xml.Linq;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

// Analitics: the list (analitic.getList, no paging), one analitic's fields (analitic.getOptions), and rows of analitic
// data written with a comment (action.add): fields by name or id, values in the form each field type takes.
public sealed partial class PlanFixClient
{
    private PlanFixFieldSets<PlanFixAnalitic> Analitics => _analitics ??= new("analitic",
        async ct => (await ListOnceAsync("analitic.getList", null, "analitics", "analitic", ct).ConfigureAwait(false)).Select(_read.Analitic).ToList(),
        async (id, ct) => _read.Analitic(await GetElementAsync("analitic.getOptions", "analitic", "id", id, ct).ConfigureAwait(false)),
        "; nothing was sent");

    private PlanFixFieldSets<PlanFixAnalitic>? _analitics;

    /// <summary>Every analitic of the account (without fields; <see cref="GetAnaliticAsync"/> adds them).</summary>
    public Task<IReadOnlyList<PlanFixAnalitic>> GetAnaliticsAsync(CancellationToken cancellationToken = default) => Analitics.ListAsync(cancellationToken);

    /// <summary>One analitic with its fields (analitic.getOptions).</summary>
    public Task<PlanFixAnalitic> GetAnaliticAsync(long id, CancellationToken cancellationToken = default) => Analitics.GetAsync(id, cancellationToken);

    /// <summary>An analitic by id, or by name from the list; a ValidationFailed error naming it when there is none.</summary>
    public async Task<PlanFixAnalitic> ResolveAnaliticAsync(string nameOrId, CancellationToken cancellationToken = default) =>
        (await Analitics.ResolveAsync(nameOrId, cancellationToken).ConfigureAwait(false)).Item;

    /// <summary>One row as action.add takes it: <c>&lt;analitic&gt;&lt;id/&gt;&lt;analiticData&gt;&lt;itemData&gt;&lt;fieldId/&gt;&lt;value/&gt;…</c>.</summary>
    private async Task<XElement> AnaliticRowAsync(PlanFixAnaliticRow row, CancellationToken cancellationToken)
    {
        var analitic = await ResolveAnaliticAsync(row.Analitic, cancellationToken).ConfigureAwait(false);
        var data = new XElement("analiticData");
        var unknown = new List<string>();
        foreach (var kv in row.Values)
        {
            var field = analitic.Fields[kv.Key.Trim()];
            if (field is null)
            {
                unknown.Add(kv.Key);
                continue;
            }
            data.Add(new XElement("itemData", new XElement("fieldId", field.Id), AnaliticValue(field, kv.Value)));
        }
        if (unknown.Count > 0)
            throw Invalid("AnaliticData", $"{string.Join(", ", unknown.Select(n => $"'{n}'"))} {(unknown.Count == 1 ? "is not a field" : "are not fields")} of analitic " +
                                          $"'{analitic.Name}' (its fields: {string.Join(", ", analitic.Fields.Select(f => f.Name))}); nothing was sent");
        return new XElement("analitic", new XElement("id", analitic.Id), data);
    }

    /// <summary>A value in the form its field's type takes: dates dd-MM-yyyy, times HH:mm, a period as begin/end, a
    /// LOGINLIST as employee ids, true/false 1/0, others as text.</summary>
    private XElement AnaliticValue(PlanFixField field, object? value)
    {
        var zone = Connection.TimeZone;
        switch (field.Type?.ToUpperInvariant())
        {
            case "DATE" when value is DateTime or DateTimeOffset:
                return new XElement("value", PlanFixDates.Format(AsOffset(value), zone, withTime: false));
            case "DATETIME" when value is DateTime or DateTimeOffset:
                return new XElement("value", PlanFixDates.Format(AsOffset(value), zone, withTime: true));
            case "TIME" when value is DateTime or DateTimeOffset or TimeSpan:
                return new XElement("value", Time(value, zone));
            case "TIMEPERIOD":
                if (value is IDictionary period)
                    return new XElement("value", new XElement("begin", Time(Entry(period, "begin"), zone)), new XElement("end", Time(Entry(period, "end"), zone)));
                if (value is string span && span.Split('-') is { Length: 2 } ends)
                    return new XElement("value", new XElement("begin", ends[0].Trim()), new XElement("end", ends[1].Trim()));
                break;
            case "LOGINLIST":
                var ids = value is IEnumerable many and not string ? many.Cast<object?>() : new[] { value };
                return new XElement("value", ids.Where(i => i is not null).Select(i => new XElement("id", PlanFixValueText.Format(i, zone))));
        }
        return new XElement("value", PlanFixValueText.Format(value, zone));
    }

    private static DateTimeOffset AsOffset(object? value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => d.Kind == DateTimeKind.Utc ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Local)),
        _ => throw new ArgumentException("Not a date.", nameof(value)),
    };

    private static string Time(object? value, TimeZoneInfo zone) => value switch
    {
        TimeSpan t => t.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        DateTime or DateTimeOffset => TimeZoneInfo.ConvertTime(AsOffset(value), zone).ToString("HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static object? Entry(IDictionary map, string key)
    {
        foreach (DictionaryEntry e in map)
            if (string.Equals(e.Key?.ToString(), key, StringComparison.OrdinalIgnoreCase)) return e.Value;
        return null;
    }
}
