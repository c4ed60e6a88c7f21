using System.Globalization;
using System.Xml.Linq;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

/// <summary>
/// Reads one item's elements for a model, tolerantly: a value of another kind than the model expects (text where a
/// number was due, an element with children where text was) never fails the item; it is kept in <see cref="Extra"/> and
/// the observer hears one warning naming the item kind and the field (a command shows each such warning once). Elements
/// the model does not name go to Extra as structured values.
/// </summary>
internal sealed class PlanFixItemReader
{
    private readonly string _kind;
    private readonly IApiObserver _observer;

    public PlanFixItemReader(string kind, TimeZoneInfo zone, IApiObserver observer)
    {
        _kind = kind;
        Zone = zone;
        _observer = observer;
    }

    public TimeZoneInfo Zone { get; }

    public PlanFixExtra Extra { get; } = new();

    /// <summary>A leaf's trimmed text, null when empty. An element with children is kept whole in Extra instead.</summary>
    public string? Text(XElement e)
    {
        if (e.HasElements)
        {
            Odd(e, "text");
            return null;
        }
        var text = e.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Like <see cref="Text"/>, but untrimmed (descriptions keep their HTML as sent).</summary>
    public string? Html(XElement e)
    {
        if (e.HasElements)
        {
            Odd(e, "text");
            return null;
        }
        return e.Value.Length == 0 ? null : e.Value;
    }

    public long? Long(XElement e) =>
        Parsed<long>(e, "a whole number", text => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public int? Int(XElement e) =>
        Parsed<int>(e, "a whole number", text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null);

    public decimal? Decimal(XElement e) =>
        Parsed<decimal>(e, "a number", text => decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null);

    /// <summary>PlanFix's 0/1 (and true/false, as some pages write it).</summary>
    public bool? Bool(XElement e) =>
        Parsed<bool>(e, "0 or 1", text => text.ToLowerInvariant() switch { "1" or "true" => true, "0" or "false" => false, _ => null });

    public DateTimeOffset? Date(XElement e) => Parsed(e, "a date (dd-MM-yyyy[ HH:mm])", text => PlanFixDates.TryParse(text, Zone));

    /// <summary>A leaf's text read by <paramref name="parse"/>; text it cannot read is kept in Extra (<paramref name="expected"/>
    /// names what was due in the warning).</summary>
    private T? Parsed<T>(XElement e, string expected, Func<string, T?> parse) where T : struct
    {
        var text = Text(e);
        if (text is null) return null;
        if (parse(text) is T value) return value;
        Odd(e, expected);
        return null;
    }

    /// <summary>A reference (<c>&lt;owner&gt;&lt;id/&gt;&lt;name/&gt;&lt;/owner&gt;</c>): its id and the text of <paramref name="label"/>;
    /// any other child is kept under the element's name in Extra.</summary>
    public (long? Id, string? Label) Ref(XElement e, string label = "name")
    {
        long? id = null;
        string? text = null;
        PlanFixExtra? rest = null;
        foreach (var child in e.Elements())
        {
            var name = child.Name.LocalName;
            if (name == "id" && !child.HasElements && child.Value.Trim().Length == 0) continue;
            if (name == "id" && !child.HasElements && long.TryParse(child.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)) id = parsed;
            else if (name == label && !child.HasElements) text = child.Value.Trim() is { Length: > 0 } t ? t : null;
            else
            {
                (rest ??= new PlanFixExtra()).Put(name, PlanFixExtra.ValueOf(child));
                if (name == "id") _observer.OnWarning($"PlanFix {_kind} field '{e.Name.LocalName}/id' is not a whole number in this answer; it is kept in Extra.");
            }
        }
        if (rest is not null) Extra.Put(e.Name.LocalName, rest);
        if (!e.HasElements && e.Value.Trim().Length > 0) Odd(e, "an element with an id");
        return (id, text);
    }

    /// <summary>People (<c>workers</c>, <c>members</c>, <c>auditors</c>): <c>users/user{id,name}</c> and <c>groups/group{id,name}</c>.
    /// Anything else in the element is kept in Extra.</summary>
    public void People(XElement e, StringList names, StringList ids, StringList groupNames, StringList groupIds)
    {
        PlanFixExtra? rest = null;
        foreach (var child in e.Elements())
        {
            var kind = child.Name.LocalName;
            var (item, idList, nameList) = kind switch
            {
                "users" => ("user", ids, names),
                "groups" => ("group", groupIds, groupNames),
                _ => ((string?)null, (StringList?)null, (StringList?)null),
            };
            if (item is null)
            {
                (rest ??= new PlanFixExtra()).Put(kind, PlanFixExtra.ValueOf(child));
                continue;
            }
            foreach (var one in child.Elements())
            {
                if (one.Name.LocalName != item && one.Name.LocalName != "id")
                {
                    (rest ??= new PlanFixExtra()).Put(kind, PlanFixExtra.ValueOf(one));
                    continue;
                }
                // The write shape (users/id) is read too: a server that echoes it loses nothing.
                var id = one.Name.LocalName == "id" ? one.Value.Trim() : one.Element("id")?.Value.Trim();
                var label = one.Name.LocalName == "id" ? null : one.Element("name")?.Value.Trim();
                if (!string.IsNullOrEmpty(id)) idList!.Add(id!);
                if (!string.IsNullOrEmpty(label)) nameList!.Add(label!);
                foreach (var other in one.Elements().Where(x => x.Name.LocalName is not ("id" or "name")))
                    (rest ??= new PlanFixExtra()).Put(kind, PlanFixExtra.ValueOf(other));
            }
        }
        if (rest is not null) Extra.Put(e.Name.LocalName, rest);
    }

    /// <summary><c>customData/customValue{field{id,name}, value, text}</c> (a handbook record's carry no name; the write
    /// shape <c>customValue{id, value}</c> reads too). Anything else a value carries is kept on it.</summary>
    public PlanFixCustomFields CustomData(XElement e)
    {
        var fields = new PlanFixCustomFields();
        foreach (var value in e.Elements())
        {
            if (value.Name.LocalName != "customValue" || !value.HasElements)
            {
                if (value.HasElements || value.Value.Trim().Length > 0) Extra.Put(e.Name.LocalName, PlanFixExtra.ValueOf(value));
                continue;
            }
            var custom = new PlanFixCustomValue();
            foreach (var part in value.Elements())
            {
                switch (part.Name.LocalName)
                {
                    case "field":
                        foreach (var f in part.Elements())
                        {
                            if (f.Name.LocalName == "id" && long.TryParse(f.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) custom.FieldId = id;
                            else if (f.Name.LocalName == "name" && !f.HasElements) custom.Name = f.Value.Trim() is { Length: > 0 } n ? n : null;
                            else (custom.Extra ??= new PlanFixExtra()).Put("field." + f.Name.LocalName, PlanFixExtra.ValueOf(f));
                        }
                        break;
                    case "id" when long.TryParse(part.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var writeId):
                        custom.FieldId = writeId;
                        break;
                    case "value" when !part.HasElements:
                        custom.Value = part.Value;
                        break;
                    case "text" when !part.HasElements:
                        custom.Text = part.Value.Length == 0 ? null : part.Value;
                        break;
                    default:
                        (custom.Extra ??= new PlanFixExtra()).Put(part.Name.LocalName, PlanFixExtra.ValueOf(part));
                        break;
                }
            }
            fields.Add(custom);
        }
        return fields;
    }

    /// <summary>An element the model does not name, kept as a structured value.</summary>
    public void Keep(XElement e) => Extra.Put(e.Name.LocalName, PlanFixExtra.ValueOf(e));

    /// <summary>A value of another kind than expected: kept, and said once per field.</summary>
    private void Odd(XElement e, string expected)
    {
        Keep(e);
        _observer.OnWarning($"PlanFix {_kind} field '{e.Name.LocalName}' is not {expected} in this answer; it is kept in Extra.");
    }
}
