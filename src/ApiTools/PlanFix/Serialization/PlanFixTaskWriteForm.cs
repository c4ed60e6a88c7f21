using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.PlanFix.Serialization;

/// <summary>
/// A task as task.update takes it, made from the task as task.get gave it. task.update is not a patch: the reference
/// says every parameter left out is reset to its default. So a change reads the task, turns every writable field it
/// has into its write shape (owner/id, workers/users/id, customData/customValue{id,value}, startDate+startTime…), sets
/// what changes, and sends the whole. Two forms compare equal when the change would change nothing.
/// </summary>
internal static class PlanFixTaskWriteForm
{
    private static readonly string[] Copied = { "title", "description", "importance", "status", "statusSet", "checkResult", "isSummary" };

    /// <summary>The write form of a task read with task.get (<c>&lt;task&gt;</c> with its id).</summary>
    public static XElement FromRead(XElement read)
    {
        var task = new XElement("task", new XElement("id", read.Element("id")?.Value.Trim()));
        foreach (var name in Copied)
            if (read.Element(name) is { HasElements: false } e) task.Add(new XElement(name, e.Value));
        foreach (var reference in new[] { "owner", "parent", "project", "client" })
            if (read.Element(reference)?.Element("id")?.Value.Trim() is { Length: > 0 } id) task.Add(new XElement(reference, new XElement("id", id)));
        Dates(task, "start", read.Element("startTime")?.Value);
        Dates(task, "end", read.Element("endTime")?.Value);
        if (read.Element("duration")?.Value.Trim() is { Length: > 0 } duration)
        {
            task.Add(new XElement("durationIsSet", 1), new XElement("duration", duration));
            if (read.Element("durationUnit")?.Value.Trim() is { Length: > 0 } unit) task.Add(new XElement("durationUnit", unit));
        }
        foreach (var role in new[] { "workers", "members", "auditors" })
            if (read.Element(role) is { } people) task.Add(People(role, Ids(people, "users", "user"), Ids(people, "groups", "group")));
        if (read.Element("customData") is { } data)
        {
            var custom = new XElement("customData");
            foreach (var value in data.Elements("customValue"))
            {
                var id = value.Element("field")?.Element("id")?.Value.Trim() ?? value.Element("id")?.Value.Trim();
                if (string.IsNullOrEmpty(id)) continue;
                custom.Add(new XElement("customValue", new XElement("id", id), new XElement("value", value.Element("value")?.Value ?? "")));
            }
            if (custom.HasElements) task.Add(custom);
        }
        return task;
    }

    public static void Set(XElement task, string name, object? value)
    {
        if (value is null) return;
        var text = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString();
        if (task.Element(name) is { } e) e.Value = text ?? "";
        else task.Add(new XElement(name, text));
    }

    public static void SetRef(XElement task, string name, long? id)
    {
        if (id is not long value) return;
        task.Element(name)?.Remove();
        task.Add(new XElement(name, new XElement("id", value)));
    }

    /// <summary>Sets one date of the task (start or end) as <c>{part}DateIsSet</c>, <c>{part}Date</c>, <c>{part}TimeIsSet</c>, <c>{part}Time</c>;
    /// midnight is a date without a time, as PlanFix shows it.</summary>
    public static void SetDate(XElement task, string part, DateTimeOffset? value, TimeZoneInfo zone)
    {
        if (value is not DateTimeOffset moment) return;
        foreach (var suffix in new[] { "DateIsSet", "Date", "TimeIsSet", "Time" }) task.Element(part + suffix)?.Remove();
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        Dates(task, part, PlanFixDates.Format(moment, zone, withTime: local.TimeOfDay != TimeSpan.Zero));
    }

    public static void SetPeople(XElement task, string role, IList<long>? users, IList<long>? groups)
    {
        if (users is null && groups is null) return;
        var current = task.Element(role);
        var keepUsers = users is null && current is not null ? Ids(current, "users", null) : users?.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var keepGroups = groups is null && current is not null ? Ids(current, "groups", null) : groups?.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        current?.Remove();
        task.Add(People(role, keepUsers ?? new List<string>(), keepGroups ?? new List<string>()));
    }

    public static void SetCustom(XElement task, IEnumerable<PlanFixClient.CustomValueToSend> values)
    {
        var data = task.Element("customData");
        foreach (var v in values)
        {
            if (data is null) task.Add(data = new XElement("customData"));
            var id = v.Id.ToString(CultureInfo.InvariantCulture);
            var existing = data.Elements("customValue").FirstOrDefault(c => c.Element("id")?.Value == id);
            if (existing is not null) existing.SetElementValue("value", v.Text);
            else data.Add(new XElement("customValue", new XElement("id", id), new XElement("value", v.Text)));
        }
    }

    /// <summary>True when both forms send the same values (element order aside).</summary>
    public static bool Same(XElement a, XElement b) => Canonical(a) == Canonical(b);

    private static string Canonical(XElement e) =>
        e.HasElements
            ? "<" + e.Name.LocalName + ">" + string.Concat(e.Elements().Select(Canonical).OrderBy(s => s, StringComparer.Ordinal)) + "</>"
            : "<" + e.Name.LocalName + ">" + e.Value.Trim() + "</>";

    private static void Dates(XElement task, string part, string? read)
    {
        var text = read?.Trim() ?? "";
        if (text.Length == 0)
        {
            task.Add(new XElement(part + "DateIsSet", 0));
            return;
        }
        var space = text.IndexOf(' ');
        var date = space < 0 ? text : text.Substring(0, space);
        var time = space < 0 ? null : text.Substring(space + 1).Trim();
        task.Add(new XElement(part + "DateIsSet", 1), new XElement(part + "Date", date));
        task.Add(new XElement(part + "TimeIsSet", string.IsNullOrEmpty(time) ? 0 : 1));
        if (!string.IsNullOrEmpty(time)) task.Add(new XElement(part + "Time", time));
    }

    private static List<string> Ids(XElement people, string list, string? item)
    {
        var holder = people.Element(list);
        if (holder is null) return new List<string>();
        var ids = item is null
            ? holder.Elements("id").Select(e => e.Value.Trim())
            : holder.Elements(item).Select(u => u.Element("id")?.Value.Trim() ?? "").Concat(holder.Elements("id").Select(e => e.Value.Trim()));
        return ids.Where(i => i.Length > 0).ToList();
    }

    private static XElement People(string role, IEnumerable<string> users, IEnumerable<string> groups) =>
        new(role, new XElement("users", users.Select(id => new XElement("id", id))), new XElement("groups", groups.Select(id => new XElement("id", id))));
}
