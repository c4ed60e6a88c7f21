using ApiTools.PlanFix.Serialization;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using static ApiTools.PlanFix.Input.PlanFixInputFields;

namespace ApiTools.PlanFix.Input;

/// <summary>One input item → a project draft, checked first; a row with the Fingerprint Get-PlanFixProject wrote keeps only
/// the fields edited since (and one left as it was sends nothing).</summary>
public static class PlanFixProjectInput
{
    /// <summary>A project's fields (Id names the project to change; WorkerId reads as WorkerIds), its columns and its reader.</summary>
    public static readonly PlanFixItemInput<PlanFixProjectDraft> Projects = new(PlanFixClient.ProjectKind, typeof(PlanFixProject), new[]
    {
        "Id", "Title", "Description", "DescriptionHtml", "OwnerId", "ClientId", "Status", "Hidden", "EndDate", "GroupId", "ParentId", "WorkerIds", "WorkerId",
        "CustomFields", "CustomField", "Fingerprint",
    }, new[] { "WorkerId", "CustomField", "Fingerprint" }, ReadProject);

    public static PlanFixProjectDraft ReadProject(InputFields fields, string label, TimeZoneInfo zone, bool update = false, IReadOnlyCollection<string>? customFields = null)
    {
        var draft = new PlanFixProjectDraft
        {
            Id = update ? Id(fields, "Id") : null,
            Title = fields.Text("Title")?.Trim(),
            Description = PlanFixHtml.ForWrite(fields.Text("Description"), fields.Text("DescriptionHtml")),
            OwnerId = Id(fields, "OwnerId"),
            ClientId = Id(fields, "ClientId", zeroClears: true),
            Status = fields.Text("Status")?.Trim().ToUpperInvariant(),
            Hidden = fields.Boolean("Hidden"),
            EndDate = Date(fields, "EndDate", zone),
            GroupId = Id(fields, "GroupId"),
            ParentId = Id(fields, "ParentId", zeroClears: true),
            WorkerIds = Ids(fields, fields.Has("WorkerIds") ? "WorkerIds" : "WorkerId"),
            CustomFields = Custom(fields, customFields ?? Array.Empty<string>(), Projects.Standard),
        };
        if (update && draft.Id is null && !fields.Violations.Any(v => v.Subject == "Id")) fields.AddViolation("Id", "is required to know which project to change");
        if (!update && string.IsNullOrEmpty(draft.Title)) fields.AddViolation("Title", "is required");
        fields.Checked(draft, PlanFixClient.ServiceName, label);
        return update ? Narrow(fields, draft, zone) : draft;
    }

    private static PlanFixProjectDraft Narrow(InputFields fields, PlanFixProjectDraft d, TimeZoneInfo zone)
    {
        var changed = PlanFixFingerprint.Changed(fields.Text("Fingerprint"), PlanFixCanonical.Project(d, zone), PlanFixCanonical.ProjectScalars.Length);
        if (changed is null) return d;
        bool Keep(string field) => changed.Contains(field);
        var narrowed = new PlanFixProjectDraft
        {
            Id = d.Id,
            Title = Keep("Title") ? d.Title : null,
            Description = Keep("Description") ? Cleared(fields, "Description", d.Description, changed) : null,
            OwnerId = Keep("OwnerId") ? d.OwnerId : null,
            ClientId = Keep("ClientId") ? d.ClientId ?? (fields.Contains("ClientId") ? 0 : null) : null,
            Status = Keep("Status") ? d.Status : null,
            Hidden = Keep("Hidden") ? d.Hidden : null,
            EndDate = Keep("EndDate") ? d.EndDate : null,
            GroupId = Keep("GroupId") ? d.GroupId : null,
            ParentId = Keep("ParentId") ? d.ParentId : null,
            WorkerIds = d.WorkerIds,
        };
        narrowed.CustomFields = ChangedCustom(d.CustomFields, changed);
        narrowed.Unchanged = narrowed.Title is null && narrowed.Description is null && narrowed.OwnerId is null && narrowed.ClientId is null
                             && narrowed.Status is null && narrowed.Hidden is null && narrowed.EndDate is null && narrowed.GroupId is null
                             && narrowed.ParentId is null && narrowed.WorkerIds is null && narrowed.CustomFields is null;
        return narrowed;
    }
}
