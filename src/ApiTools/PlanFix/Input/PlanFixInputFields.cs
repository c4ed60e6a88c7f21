using System.Collections;
using System.Globalization;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix.Input;

/// <summary>The field readers PlanFix's items share: ids, id lists, dates in PlanFix's form or as Export-Csv wrote them,
/// and custom field values from a CustomFields cell (Name=Value;…), a -CustomField hashtable or columns named after the fields.</summary>
internal static class PlanFixInputFields
{
    /// <summary>PlanFix ids are positive whole numbers (0 where <paramref name="zeroClears"/>: client 0 takes the client off).</summary>
    public static long? Id(InputFields fields, string field, bool zeroClears = false)
    {
        var id = fields.Integer(field);
        if (id is null) return null;
        if (id > 0 || (zeroClears && id == 0)) return id;
        fields.AddViolation(field, $"{id} is not an id: PlanFix ids are whole numbers from 1");
        return null;
    }

    /// <summary>Ids from a list or the a;b text Export-Csv writes.</summary>
    public static List<long>? Ids(InputFields fields, string field)
    {
        var list = fields.List(field);
        if (list is null) return null;
        var ids = new List<long>();
        foreach (var text in list)
        {
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0) ids.Add(id);
            else fields.AddViolation(field, $"'{text}' is not an id (a whole number)");
        }
        return ids;
    }

    /// <summary>A date: as given, as PlanFix writes it (dd-MM-yyyy[ HH:mm], in the connection's zone), as this session's
    /// culture writes it (what Export-Csv wrote), or as ISO 8601.</summary>
    public static DateTimeOffset? Date(InputFields fields, string field, TimeZoneInfo zone)
    {
        var raw = fields.Raw(field);
        switch (raw)
        {
            case null: return null;
            case DateTimeOffset o: return o;
            case DateTime d: return d.Kind == DateTimeKind.Utc ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Local));
            case string s:
                if (PlanFixDates.TryParse(s, zone) is DateTimeOffset planFix) return planFix;
                if (DateTimeOffset.TryParse(s.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.AssumeLocal, out var local)) return local;
                if (DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var any)) return any;
                break;
        }
        fields.AddViolation(field, $"'{raw}' is not a date: write dd-MM-yyyy HH:mm or yyyy-MM-ddTHH:mm");
        return null;
    }

    /// <summary>
    /// Custom field values from, in this order (a later one wins for the same field): the CustomFields cell or property
    /// (<c>Name=Value;…</c>, or the list a Get- cmdlet wrote), the -CustomField hashtable, and columns named after one of
    /// <paramref name="customNames"/> (the account's fields of this kind). Null when there are none.
    /// </summary>
    public static PlanFixCustomValues? Custom(InputFields fields, IReadOnlyCollection<string> customNames, IReadOnlyCollection<string> standard)
    {
        var values = new PlanFixCustomValues();
        void Put(string name, object? value)
        {
            values.RemoveAll(kv => string.Equals(kv.Key.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
            values.Add(name.Trim(), value);
        }
        Pairs(fields, "CustomFields", Put);
        if (fields.Raw("CustomField") is { } given)
        {
            if (given is IDictionary map)
                foreach (DictionaryEntry e in map) Put(e.Key?.ToString() ?? "", e.Value);
            else fields.AddViolation("CustomField", "takes a hashtable: @{ 'Field name' = value }");
        }
        Columns(fields, customNames, standard, Put);
        return values.Count == 0 ? null : values;
    }

    /// <summary>The Name=Value pairs of <paramref name="field"/>, handed to <paramref name="put"/> in order: the list a Get- cmdlet
    /// wrote, a hashtable, or the text <c>Name=Value;…</c> (<see cref="PlanFixCustomFields.Parse"/>); anything else is a
    /// violation naming the field.</summary>
    public static void Pairs(InputFields fields, string field, Action<string, object?> put)
    {
        switch (fields.Raw(field))
        {
            case null: break;
            case PlanFixCustomFields read:
                foreach (var f in read) put(f.Name ?? f.FieldId.ToString(CultureInfo.InvariantCulture), f.Value ?? "");
                break;
            case IDictionary map:
                foreach (DictionaryEntry e in map) put(e.Key?.ToString() ?? "", e.Value);
                break;
            case string cell:
                try
                {
                    foreach (var kv in PlanFixCustomFields.Parse(cell)) put(kv.Key, kv.Value);
                }
                catch (FormatException bad)
                {
                    fields.AddViolation(field, bad.Message);
                }
                break;
            case var other:
                fields.AddViolation(field, $"'{other}' is not Name=Value;Name=Value or a hashtable");
                break;
        }
    }

    /// <summary>The columns named after one of <paramref name="names"/> (the account's custom fields, a handbook's fields) and
    /// after none of <paramref name="standard"/>, handed to <paramref name="put"/> by the field's own name.</summary>
    public static void Columns(InputFields fields, IReadOnlyCollection<string> names, IReadOnlyCollection<string> standard, Action<string, object?> put)
    {
        var standardNames = new HashSet<string>(standard.Select(InputFields.Normalise), StringComparer.OrdinalIgnoreCase);
        foreach (var column in fields.Names)
        {
            var normal = InputFields.Normalise(column);
            if (standardNames.Contains(normal)) continue;
            var name = names.FirstOrDefault(n => string.Equals(InputFields.Normalise(n), normal, StringComparison.OrdinalIgnoreCase));
            if (name is not null && fields.Raw(column) is { } value) put(name, value);
        }
    }

    /// <summary>Text that, with a fingerprint saying it changed, is now blank: cleared rather than left as it was.</summary>
    public static string? Cleared(InputFields fields, string field, string? value, HashSet<string>? changed) =>
        value is null && changed is not null && changed.Contains(field) && fields.Contains(field) ? "" : value;

    /// <summary>The custom values among <paramref name="values"/> that a fingerprint says changed; null when none did.</summary>
    public static PlanFixCustomValues? ChangedCustom(PlanFixCustomValues? values, HashSet<string> changed)
    {
        if (values is null) return null;
        var kept = new PlanFixCustomValues();
        kept.AddRange(values.Where(kv => changed.Contains(PlanFixCanonical.CustomKey(kv.Key))));
        return kept.Count == 0 ? null : kept;
    }
}
