using System.Globalization;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// One input item (an Import-Csv row, a hashtable, an object, bound parameters) → a task draft, checked first:
/// every problem is named by field (Title, Importance, EndTime…) and an invalid item is refused before any request.
/// WorkerIds come as a list or the <c>a;b</c> text Export-Csv writes (a task's own <c>WorkerId</c> column reads too);
/// EndTime as a date or text as dd-MM-yyyy[ HH:mm] (PlanFix's form, in the connection's zone) or ISO 8601.
/// </summary>
public static class PlanFixInput
{
    private static readonly string[] Importances = { "AVERAGE", "HIGH", "LOW" };

    /// <summary>The fields a task item may set (WorkerId reads as WorkerIds; Id names the task to change).</summary>
    public static readonly IReadOnlyList<string> TaskFields =
        new[] { "Id", "Title", "Description", "Importance", "Status", "OwnerId", "ProjectId", "WorkerIds", "WorkerId", "EndTime" };

    /// <summary>The columns and keys a task item may carry (the fields, and every column Get-PlanFixTask writes).</summary>
    public static UnknownFields NewTaskUnknownFields() => UnknownFields.Of<PlanFixTask>("task", TaskFields);

    /// <param name="update">A change to an existing task: its Id is required, its Title is not.</param>
    public static PlanFixTaskDraft ReadTask(InputFields fields, string label, TimeZoneInfo zone, bool update = false)
    {
        var draft = new PlanFixTaskDraft
        {
            Id = update ? Id(fields, "Id") : null,
            Title = fields.Text("Title")?.Trim(),
            Description = fields.Text("Description"),
            Importance = fields.Text("Importance")?.Trim().ToUpperInvariant(),
            Status = Status(fields),
            OwnerId = Id(fields, "OwnerId"),
            ProjectId = Id(fields, "ProjectId"),
            WorkerIds = Ids(fields, fields.Has("WorkerIds") ? "WorkerIds" : "WorkerId"),
            EndTime = Date(fields, "EndTime", zone),
        };
        if (update && draft.Id is null && !fields.Violations.Any(v => v.Subject == "Id")) fields.AddViolation("Id", "is required to know which task to change");
        if (!update && string.IsNullOrEmpty(draft.Title)) fields.AddViolation("Title", "is required");
        if (draft.Importance is not null && !Importances.Contains(draft.Importance))
            fields.AddViolation("Importance", $"'{draft.Importance}' is not one of Average, High, Low");
        return fields.Checked(draft, PlanFixClient.ServiceName, label);
    }

    /// <summary>PlanFix ids are positive whole numbers.</summary>
    private static long? Id(InputFields fields, string field)
    {
        var id = fields.Integer(field);
        if (id is <= 0) fields.AddViolation(field, $"{id} is not an id: PlanFix ids are whole numbers from 1");
        return id is > 0 ? id : null;
    }

    /// <summary>A status number (PlanFix's are small: 1 new, 2 in work, 3 completed…); anything past an int is refused, not wrapped.</summary>
    private static int? Status(InputFields fields)
    {
        var status = fields.Integer("Status");
        if (status is null) return null;
        if (status is < 0 or > int.MaxValue)
        {
            fields.AddViolation("Status", $"{status} is not a status number");
            return null;
        }
        return (int)status.Value;
    }

    private static List<long>? Ids(InputFields fields, string field)
    {
        var list = fields.List(field);
        if (list is null) return null;
        var ids = new List<long>();
        foreach (var text in list)
        {
            if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0) ids.Add(id);
            else fields.AddViolation(field, $"'{text}' is not a user id (a whole number)");
        }
        return ids;
    }

    private static DateTimeOffset? Date(InputFields fields, string field, TimeZoneInfo zone)
    {
        var raw = fields.Raw(field);
        switch (raw)
        {
            case null: return null;
            case DateTimeOffset o: return o;
            case DateTime d: return d.Kind == DateTimeKind.Utc ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Local));
            case string s:
                if (PlanFixDates.TryParse(s, zone) is DateTimeOffset planFix) return planFix;
                if (DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var any)) return any;
                break;
        }
        fields.AddViolation(field, $"'{raw}' is not a date: write dd-MM-yyyy HH:mm or yyyy-MM-ddTHH:mm");
        return null;
    }
}
