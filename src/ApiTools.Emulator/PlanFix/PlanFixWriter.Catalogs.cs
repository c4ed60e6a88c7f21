using System.Xml;

namespace ApiTools.Emulator.PlanFix;

// Status sets, handbooks, analitics and files as PlanFix writes them.
internal sealed partial class PlanFixWriter
{
    public static void StatusSet(XmlWriter w, SeedPlanFixStatusSet set)
    {
        w.WriteStartElement("taskStatusSet");
        w.Element("id", set.Id);
        w.Element("name", set.Name);
        w.WriteEndElement();
    }

    public static void Status(XmlWriter w, SeedPlanFixStatus s)
    {
        w.WriteStartElement("taskStatus");
        w.Element("id", s.Id);
        w.Element("name", s.Name);
        w.Element("color", s.Color);
        w.Element("isActive", s.IsActive ? 1 : 0);
        w.Element("hasDeadline", s.HasDeadline ? 1 : 0);
        w.WriteStartElement("texts");
        foreach (var (lang, name) in new[] { ("Ru", s.Name), ("En", s.NameEn) })
        {
            w.WriteStartElement("text");
            w.Element("lang", lang);
            w.Element("name", name);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A handbook as handbook.getList lists it, or (<paramref name="structure"/>) with its fields as handbook.getStructure gives it.</summary>
    public static void Handbook(XmlWriter w, SeedPlanFixHandbook h, bool structure) =>
        FieldSet(w, "handbook", h.Id, h.Name, h.GroupId, h.GroupName, structure ? h.Fields : null);

    /// <summary>An analitic as analitic.getList lists it, or (<paramref name="options"/>) with its fields as analitic.getOptions gives it.</summary>
    public static void Analitic(XmlWriter w, SeedPlanFixAnalitic a, bool options) =>
        FieldSet(w, "analitic", a.Id, a.Name, a.GroupId, a.GroupName, options ? a.Fields : null);

    private static void FieldSet(XmlWriter w, string element, long id, string name, long groupId, string groupName, IReadOnlyList<SeedPlanFixField>? fields)
    {
        w.WriteStartElement(element);
        w.Element("id", id);
        w.Element("name", name);
        w.Ref("group", groupId, "name", groupName);
        if (fields is not null) Fields(w, fields);
        w.WriteEndElement();
    }

    private static void Fields(XmlWriter w, IReadOnlyList<SeedPlanFixField> fields)
    {
        w.List("fields", "field", fields, (w, f) =>
        {
            w.Element("id", f.Id);
            w.Element("num", f.Num);
            w.Element("name", f.Name);
            w.Element("type", f.Type);
            if (f.List.Count > 0)
            {
                w.WriteStartElement("list");
                foreach (var v in f.List) w.Element("value", v);
                w.WriteEndElement();
            }
            if (f.HandbookId is { } handbook) w.IdOf("handbook", handbook);
        });
    }

    /// <summary>A handbook record (<c>record</c>): values by field id, their text the value (a HANDBOOK field: the linked record's first value).</summary>
    public void Record(XmlWriter w, SeedPlanFixRecord r)
    {
        w.WriteStartElement("record");
        w.Element("parentKey", r.ParentKey);
        w.Element("isGroup", r.IsGroup ? 1 : 0);
        w.Element("key", r.Key);
        w.Element("name", r.Name);
        w.Element("archived", r.Archived ? 1 : 0);
        var handbook = PlanFixCatalogData.Handbooks.First(h => h.Id == r.HandbookId);
        CustomData(w, r.Values.Select(v => new SeedPlanFixCustomValue(v.FieldId, "", v.Value, RecordText(handbook, v.FieldId, v.Value))).ToList(), withNames: false);
        w.WriteEndElement();
    }

    private string RecordText(SeedPlanFixHandbook handbook, long fieldId, string value)
    {
        var field = handbook.Fields.FirstOrDefault(f => f.Id == fieldId);
        if (field?.Type != "HANDBOOK" || field.HandbookId is not { } linked || !long.TryParse(value, out var key)) return value;
        return seed.Records.FirstOrDefault(x => x.HandbookId == linked && x.Key == key)?.Values.FirstOrDefault().Value ?? value;
    }

    /// <summary>A file as file.getListForTask and file.get give it.</summary>
    public void File(XmlWriter w, SeedPlanFixFile f, string? downloadLink)
    {
        w.WriteStartElement("file");
        w.Element("id", f.Id);
        w.Element("uniqueId", f.UniqueId);
        w.Element("name", f.Name);
        w.Element("version", f.Version);
        w.Element("description", f.Description);
        w.Element("date", PlanFixXml.Date(f.Date, withTime: true));
        w.Element("sourceType", "FILESYSTEM");
        w.Element("size", Math.Max(1, (f.Content.Length + 1023) / 1024));
        var task = seed.FindTask(f.TaskId);
        w.Ref("task", f.TaskId, "title", task?.Title ?? "");
        ProjectRef(w, task?.ProjectId ?? 0);
        UserRef(w, "user", f.UserId);
        w.Element("downloadLink", downloadLink ?? "");
        w.WriteEndElement();
    }
}
