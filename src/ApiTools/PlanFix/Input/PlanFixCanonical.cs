using System.Globalization;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// The writable fields of a contact or project as text, in a fixed order, for <see cref="PlanFixFingerprint"/>: the same
/// text whether the draft came from a model just read or from the CSV row Export-Csv made of it (dates by day in the
/// connection's zone, lists as a;b, custom fields by name with the value written back).
/// </summary>
internal static class PlanFixCanonical
{
    public static readonly string[] ContactScalars =
        { "Name", "MidName", "LastName", "IsCompany", "Post", "Email", "Phones", "Address", "Description", "Sex", "Site", "Skype", "Birthdate", "GroupId", "TemplateId" };

    public static readonly string[] ProjectScalars = { "Title", "Description", "OwnerId", "ClientId", "Status", "Hidden", "EndDate", "GroupId", "ParentId" };

    public static List<KeyValuePair<string, string>> Contact(PlanFixContactDraft d, TimeZoneInfo zone)
    {
        var list = Pairs(
            d.Name, d.MidName, d.LastName, Flag(d.IsCompany), d.Post, d.Email, d.Phones is null ? null : string.Join(";", d.Phones),
            d.Address, d.Description, d.Sex, d.Site, d.Skype, Day(d.Birthdate, zone), Number(d.GroupId), Number(d.TemplateId));
        Name(list, ContactScalars);
        AddCustom(list, d.CustomFields, zone);
        return list;
    }

    public static List<KeyValuePair<string, string>> Project(PlanFixProjectDraft d, TimeZoneInfo zone)
    {
        var list = Pairs(d.Title, d.Description, Number(d.OwnerId), Number(d.ClientId), d.Status, Flag(d.Hidden), Day(d.EndDate, zone),
            Number(d.GroupId), Number(d.ParentId));
        Name(list, ProjectScalars);
        AddCustom(list, d.CustomFields, zone);
        return list;
    }

    /// <summary>A contact as the draft its CSV row would read back as.</summary>
    public static PlanFixContactDraft DraftOf(PlanFixContact c) => new()
    {
        TemplateId = c.TemplateId, Name = c.Name, MidName = c.MidName, LastName = c.LastName, IsCompany = c.IsCompany, Post = c.Post,
        Email = c.Email, Phones = c.Phones.Count == 0 ? null : c.Phones.Select(p => p.Number ?? "").ToList(), Address = c.Address,
        Description = c.DescriptionHtml, Sex = c.Sex, Site = c.Site, Skype = c.Skype, Birthdate = c.Birthdate, GroupId = c.GroupId,
        CustomFields = Values(c.CustomFields),
    };

    public static PlanFixProjectDraft DraftOf(PlanFixProject p) => new()
    {
        Title = p.Title, Description = p.DescriptionHtml, OwnerId = p.OwnerId, ClientId = p.ClientId, Status = p.Status, Hidden = p.Hidden,
        EndDate = p.EndDate, GroupId = p.GroupId, ParentId = p.ParentId, CustomFields = Values(p.CustomFields),
    };

    /// <summary>The custom field's key in the canonical list.</summary>
    public static string CustomKey(string nameOrId) => "cf:" + nameOrId.Trim().ToLowerInvariant();

    private static PlanFixCustomValues? Values(PlanFixCustomFields fields)
    {
        if (fields.Count == 0) return null;
        var values = new PlanFixCustomValues();
        foreach (var f in fields) values.Add(f.Name ?? f.FieldId.ToString(CultureInfo.InvariantCulture), f.Value ?? "");
        return values;
    }

    private static void AddCustom(List<KeyValuePair<string, string>> list, PlanFixCustomValues? values, TimeZoneInfo zone)
    {
        if (values is null) return;
        foreach (var kv in values) list.Add(new(CustomKey(kv.Key), PlanFixValueText.Format(kv.Value, zone)));
    }

    private static List<KeyValuePair<string, string>> Pairs(params string?[] values) => values.Select(v => new KeyValuePair<string, string>("", v ?? "")).ToList();

    private static void Name(List<KeyValuePair<string, string>> list, string[] names)
    {
        for (var i = 0; i < names.Length; i++) list[i] = new(names[i], list[i].Value);
    }

    private static string? Flag(bool? b) => b is null ? null : b.Value ? "1" : "0";

    private static string? Number(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static string? Day(DateTimeOffset? d, TimeZoneInfo zone) => d is null ? null : PlanFixDates.Format(d.Value, zone, withTime: false);
}
