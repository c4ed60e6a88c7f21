using ApiTools.PlanFix.Serialization;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using static ApiTools.PlanFix.Input.PlanFixInputFields;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// One input item → a contact draft, checked first. A row that carries the Fingerprint Get-PlanFixContact wrote is
/// compared with it: only the fields edited since are kept (a blank cell that was filled clears the field), and a row
/// left as it was is marked unchanged, so nothing is sent for it.
/// </summary>
public static class PlanFixContactInput
{
    /// <summary>A contact's fields (Id or General names the contact to change), its columns and its reader.</summary>
    public static readonly PlanFixItemInput<PlanFixContactDraft> Contacts = new(PlanFixClient.ContactKind, typeof(PlanFixContact), new[]
    {
        "Id", "General", "TemplateId", "Name", "MidName", "LastName", "IsCompany", "Post", "Email", "Phones", "Address", "Description", "DescriptionHtml",
        "Sex", "Site", "Skype", "Birthdate", "GroupId", "CanBeWorker", "CanBeClient", "CustomFields", "CustomField", "Fingerprint",
    }, new[] { "CustomField", "Fingerprint" }, ReadContact);

    /// <param name="update">A change to a contact: its Id (or General) is required; a Fingerprint, when the item has one, narrows the change.</param>
    public static PlanFixContactDraft ReadContact(InputFields fields, string label, TimeZoneInfo zone, bool update = false, IReadOnlyCollection<string>? customFields = null)
    {
        var draft = new PlanFixContactDraft
        {
            Id = update ? Id(fields, "Id") : null,
            General = update ? Id(fields, "General") : null,
            TemplateId = Id(fields, "TemplateId"),
            Name = fields.Text("Name")?.Trim(),
            MidName = fields.Text("MidName")?.Trim(),
            LastName = fields.Text("LastName")?.Trim(),
            IsCompany = fields.Boolean("IsCompany"),
            Post = fields.Text("Post")?.Trim(),
            Email = fields.Text("Email")?.Trim(),
            Phones = fields.List("Phones")?.ToList(),
            Address = fields.Text("Address"),
            Description = PlanFixHtml.ForWrite(fields.Text("Description"), fields.Text("DescriptionHtml")),
            Sex = fields.Text("Sex")?.Trim().ToUpperInvariant(),
            Site = fields.Text("Site")?.Trim(),
            Skype = fields.Text("Skype")?.Trim(),
            Birthdate = Date(fields, "Birthdate", zone),
            GroupId = Id(fields, "GroupId"),
            CanBeWorker = fields.Boolean("CanBeWorker"),
            CanBeClient = fields.Boolean("CanBeClient"),
            CustomFields = Custom(fields, customFields ?? Array.Empty<string>(), Contacts.Standard),
        };
        if (update && draft.Id is null && draft.General is null && !fields.Violations.Any(v => v.Subject is "Id" or "General"))
            fields.AddViolation("Id", "is required to know which contact to change (or General, its number)");
        if (!update && string.IsNullOrEmpty(draft.Name) && string.IsNullOrEmpty(draft.LastName))
            fields.AddViolation("Name", "is required (a person's name or last name, or a company's name)");
        fields.Checked(draft, PlanFixClient.ServiceName, label);
        return update ? Narrow(fields, draft, zone) : draft;
    }

    /// <summary>Keeps only what the item changed since its Fingerprint was made; the whole item when it has none.</summary>
    private static PlanFixContactDraft Narrow(InputFields fields, PlanFixContactDraft d, TimeZoneInfo zone)
    {
        var changed = PlanFixFingerprint.Changed(fields.Text("Fingerprint"), PlanFixCanonical.Contact(d, zone), PlanFixCanonical.ContactScalars.Length);
        if (changed is null) return d;
        bool Keep(string field) => changed.Contains(field);
        var narrowed = new PlanFixContactDraft
        {
            Id = d.Id,
            General = d.General,
            TemplateId = Keep("TemplateId") ? d.TemplateId : null,
            Name = Keep("Name") ? Cleared(fields, "Name", d.Name, changed) : null,
            MidName = Keep("MidName") ? Cleared(fields, "MidName", d.MidName, changed) : null,
            LastName = Keep("LastName") ? Cleared(fields, "LastName", d.LastName, changed) : null,
            Post = Keep("Post") ? Cleared(fields, "Post", d.Post, changed) : null,
            Email = Keep("Email") ? Cleared(fields, "Email", d.Email, changed) : null,
            Phones = Keep("Phones") ? d.Phones ?? (fields.Contains("Phones") ? new List<string>() : null) : null,
            Address = Keep("Address") ? Cleared(fields, "Address", d.Address, changed) : null,
            Description = Keep("Description") ? Cleared(fields, "Description", d.Description, changed) : null,
            Sex = Keep("Sex") ? d.Sex : null,
            Site = Keep("Site") ? Cleared(fields, "Site", d.Site, changed) : null,
            Skype = Keep("Skype") ? Cleared(fields, "Skype", d.Skype, changed) : null,
            Birthdate = Keep("Birthdate") ? d.Birthdate : null,
            GroupId = Keep("GroupId") ? d.GroupId : null,
            CanBeWorker = d.CanBeWorker,
            CanBeClient = d.CanBeClient,
        };
        narrowed.CustomFields = ChangedCustom(d.CustomFields, changed);
        narrowed.Unchanged = narrowed.TemplateId is null && narrowed.Name is null && narrowed.MidName is null && narrowed.LastName is null && narrowed.Post is null
                             && narrowed.Email is null && narrowed.Phones is null && narrowed.Address is null && narrowed.Description is null && narrowed.Sex is null
                             && narrowed.Site is null && narrowed.Skype is null && narrowed.Birthdate is null && narrowed.GroupId is null
                             && narrowed.CanBeWorker is null && narrowed.CanBeClient is null && narrowed.CustomFields is null;
        return narrowed;
    }
}
