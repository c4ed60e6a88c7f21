using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.Errors;
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

    public static PlanFixTaskDraft ReadTask(InputFields fields, string label, TimeZoneInfo zone, bool titleRequired = true)
    {
        var draft = new PlanFixTaskDraft
        {
            Title = fields.Text("Title")?.Trim(),
            Description = fields.Text("Description"),
            Importance = fields.Text("Importance")?.Trim().ToUpperInvariant(),
            Status = Status(fields),
            OwnerId = Id(fields, "OwnerId"),
            ProjectId = Id(fields, "ProjectId"),
            WorkerIds = Ids(fields, fields.Has("WorkerIds") ? "WorkerIds" : "WorkerId"),
            EndTime = Date(fields, "EndTime", zone),
        };
        if (titleRequired && string.IsNullOrEmpty(draft.Title)) fields.AddViolation("Title", "is required");
        if (draft.Importance is not null && !Importances.Contains(draft.Importance))
            fields.AddViolation("Importance", $"'{draft.Importance}' is not one of Average, High, Low");
        if (fields.Violations.Count == 0) return draft;
        throw new ApiValidationException(PlanFixClient.ServiceName,
            $"{char.ToUpperInvariant(label[0])}{label.Substring(1)} is not valid, so it was not sent: {string.Join("; ", fields.Violations)}.",
            fields.Violations.ToArray())
        {
            ErrorCode = "client_validation",
        };
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
