using ApiTools.PlanFix.Serialization;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using static ApiTools.PlanFix.Input.PlanFixInputFields;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// One input item (an Import-Csv row, a hashtable, an object, bound parameters) → a task draft, checked first:
/// every problem is named by field (Title, EndTime…) and an invalid item is refused before any request.
/// WorkerIds come as a list or the <c>a;b</c> text Export-Csv writes (a task's own <c>WorkerId</c> column reads too);
/// dates as dates, as dd-MM-yyyy[ HH:mm] (PlanFix's form, in the connection's zone), as Export-Csv wrote them, or ISO 8601.
/// Custom fields come from the CustomFields cell, -CustomField, or columns named after the account's task fields.
/// </summary>
public static class PlanFixInput
{
    /// <summary>A task's fields (WorkerId reads as WorkerIds; Id names the task to change), its columns and its reader.</summary>
    public static readonly PlanFixItemInput<PlanFixTaskDraft> Tasks = new(PlanFixClient.TaskKind, typeof(PlanFixTask), new[]
    {
        "Id", "Title", "Description", "DescriptionHtml", "Importance", "Status", "StatusName", "OwnerId", "ProjectId", "ClientId", "ParentId",
        "WorkerIds", "WorkerId", "WorkerGroupIds", "WorkerGroupId", "StartTime", "EndTime", "CustomFields", "CustomField",
    }, new[] { "WorkerId", "WorkerGroupId", "CustomField" }, ReadTask);

    /// <param name="update">A change to an existing task: its Id is required, its Title is not.</param>
    /// <param name="customFields">The names of the account's task custom fields (columns of those names set them).</param>
    public static PlanFixTaskDraft ReadTask(InputFields fields, string label, TimeZoneInfo zone, bool update = false, IReadOnlyCollection<string>? customFields = null)
    {
        var draft = new PlanFixTaskDraft
        {
            Id = update ? Id(fields, "Id") : null,
            Title = fields.Text("Title")?.Trim(),
            Description = PlanFixHtml.ForWrite(fields.Text("Description"), fields.Text("DescriptionHtml")),
            Importance = fields.Text("Importance")?.Trim().ToUpperInvariant(),
            Status = fields.Text("Status")?.Trim(),
            StatusName = fields.Text("StatusName")?.Trim(),
            OwnerId = Id(fields, "OwnerId"),
            ProjectId = Id(fields, "ProjectId", zeroClears: true),
            ClientId = Id(fields, "ClientId", zeroClears: true),
            ParentId = Id(fields, "ParentId", zeroClears: true),
            WorkerIds = Ids(fields, fields.Has("WorkerIds") ? "WorkerIds" : "WorkerId"),
            WorkerGroupIds = Ids(fields, fields.Has("WorkerGroupIds") ? "WorkerGroupIds" : "WorkerGroupId"),
            StartTime = Date(fields, "StartTime", zone),
            EndTime = Date(fields, "EndTime", zone),
            CustomFields = Custom(fields, customFields ?? Array.Empty<string>(), Tasks.Standard),
        };
        if (update && draft.Id is null && !fields.Violations.Any(v => v.Subject == "Id")) fields.AddViolation("Id", "is required to know which task to change");
        if (!update && string.IsNullOrEmpty(draft.Title)) fields.AddViolation("Title", "is required");
        return fields.Checked(draft, PlanFixClient.ServiceName, label);
    }
}
