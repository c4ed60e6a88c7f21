using System.Globalization;
using System.Xml.Linq;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

/// <summary>Response elements → the flat models. Child elements a model does not name are kept in its Extra
/// (name → text), never dropped; values that do not parse stay in Extra too rather than failing the listing.</summary>
internal static class PlanFixReader
{
    public static PlanFixTask Task(XElement x, TimeZoneInfo zone)
    {
        var extra = new PlanFixFields();
        var t = new PlanFixTask();
        foreach (var e in x.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "id": t.Id = Long(e, extra) ?? 0; break;
                case "general": t.General = Long(e, extra); break;
                case "title": t.Title = e.Value; break;
                case "description": t.Description = e.Value; break;
                case "importance": t.Importance = Text(e); break;
                case "status": t.Status = (int?)Long(e, extra); break;
                case "statusSet": t.StatusSet = Long(e, extra); break;
                case "owner": t.OwnerId = ChildLong(e, "id"); t.OwnerName = ChildText(e, "name"); break;
                case "project": t.ProjectId = ChildLong(e, "id"); t.ProjectTitle = ChildText(e, "title"); break;
                case "client": t.ClientId = ChildLong(e, "id"); t.ClientName = ChildText(e, "name"); break;
                case "beginDateTime": t.BeginDateTime = Date(e, zone, extra); break;
                case "startTime": t.StartTime = Date(e, zone, extra); break;
                case "endTime": t.EndTime = Date(e, zone, extra); break;
                case "workers":
                    foreach (var user in e.Descendants("user"))
                    {
                        if (ChildText(user, "id") is { } id) t.WorkerIds.Add(id);
                        if (ChildText(user, "name") is { } name) t.Workers.Add(name);
                    }
                    break;
                case "customData":
                    foreach (var value in e.Elements("customValue"))
                    {
                        var field = value.Element("field");
                        var name = ChildText(field, "name") ?? ChildText(field, "id");
                        if (name is null) continue;
                        t.CustomFields[name] = ChildText(value, "text") ?? ChildText(value, "value") ?? "";
                    }
                    break;
                default: Keep(e, extra); break;
            }
        }
        t.Extra = extra;
        return t;
    }

    public static PlanFixProject Project(XElement x)
    {
        var extra = new PlanFixFields();
        var p = new PlanFixProject();
        foreach (var e in x.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "id": p.Id = Long(e, extra) ?? 0; break;
                case "title": p.Title = e.Value; break;
                case "description": p.Description = e.Value; break;
                case "owner": p.OwnerId = ChildLong(e, "id"); p.OwnerName = ChildText(e, "name"); break;
                case "status": p.Status = Text(e); break;
                default: Keep(e, extra); break;
            }
        }
        p.Extra = extra;
        return p;
    }

    public static PlanFixContact Contact(XElement x)
    {
        var extra = new PlanFixFields();
        var c = new PlanFixContact();
        foreach (var e in x.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "id": c.Id = Long(e, extra) ?? 0; break;
                case "userid": c.UserId = Long(e, extra); break;
                case "general": c.General = Long(e, extra); break;
                case "name": c.Name = Text(e); break;
                case "lastName": c.LastName = Text(e); break;
                case "email": c.Email = Text(e); break;
                case "phone": c.Phone = Text(e); break;
                default: Keep(e, extra); break;
            }
        }
        c.Extra = extra;
        return c;
    }

    public static PlanFixUser User(XElement x)
    {
        var extra = new PlanFixFields();
        var u = new PlanFixUser();
        foreach (var e in x.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "id": u.Id = Long(e, extra) ?? 0; break;
                case "name": u.Name = Text(e); break;
                case "lastName": u.LastName = Text(e); break;
                case "email": u.Email = Text(e); break;
                case "active": u.Active = Bool(e, extra); break;
                default: Keep(e, extra); break;
            }
        }
        u.Extra = extra;
        return u;
    }

    public static PlanFixAction Action(XElement x, TimeZoneInfo zone)
    {
        var extra = new PlanFixFields();
        var a = new PlanFixAction();
        foreach (var e in x.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "id": a.Id = Long(e, extra) ?? 0; break;
                case "description": a.Description = e.Value; break;
                case "dateTime": a.DateTime = Date(e, zone, extra); break;
                case "owner": a.OwnerId = ChildLong(e, "id"); a.OwnerName = ChildText(e, "name"); break;
                case "task": a.TaskId = ChildLong(e, "id"); break;
                default: Keep(e, extra); break;
            }
        }
        a.Extra = extra;
        return a;
    }

    private static string? Text(XElement? e)
    {
        var text = e?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string? ChildText(XElement? e, string name) => Text(e?.Element(name));

    private static long? ChildLong(XElement e, string name) =>
        long.TryParse(ChildText(e, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static long? Long(XElement e, PlanFixFields extra)
    {
        var text = Text(e);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        Keep(e, extra);
        return null;
    }

    private static bool? Bool(XElement e, PlanFixFields extra)
    {
        switch (Text(e)?.ToLowerInvariant())
        {
            case null: return null;
            case "1" or "true": return true;
            case "0" or "false": return false;
            default: Keep(e, extra); return null;
        }
    }

    private static DateTimeOffset? Date(XElement e, TimeZoneInfo zone, PlanFixFields extra)
    {
        var text = Text(e);
        if (text is null) return null;
        var parsed = PlanFixDates.TryParse(text, zone);
        if (parsed is null) Keep(e, extra);
        return parsed;
    }

    /// <summary>An element the model does not name: its text, or for a nested one its inner XML, under its name.</summary>
    private static void Keep(XElement e, PlanFixFields extra)
    {
        var name = e.Name.LocalName;
        var value = e.HasElements ? string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))) : e.Value;
        extra[extra.ContainsKey(name) ? name + "#" + (extra.Keys.Count(k => k == name || k.StartsWith(name + "#", StringComparison.Ordinal)) + 1) : name] = value;
    }
}
