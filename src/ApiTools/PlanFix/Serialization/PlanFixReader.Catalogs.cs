using System.Xml.Linq;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

// Handbooks, analitics, status sets and files.
internal sealed partial class PlanFixReader
{
    public PlanFixHandbook Handbook(XElement x) => FieldSet<PlanFixHandbook>(x, "handbook");

    /// <summary>A record of handbook <paramref name="handbook"/>; its values are named from <paramref name="structure"/>.</summary>
    public PlanFixHandbookRecord Record(XElement x, PlanFixHandbook handbook, string? path)
    {
        var rec = Read(x, "handbook record", new PlanFixHandbookRecord { HandbookId = handbook.Id, HandbookName = handbook.Name, Path = path }, (r, rec, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "key": rec.Key = r.Long(e) ?? 0; break;
                case "parentKey": rec.ParentKey = r.Long(e); break;
                case "isGroup": rec.IsGroup = r.Bool(e) ?? false; break;
                case "name": rec.Name = r.Text(e); break;
                case "archived": rec.Archived = r.Bool(e); break;
                case "customData": rec.Values = r.CustomData(e); break;
                default: r.Keep(e); break;
            }
        });
        foreach (var value in rec.Values)
            value.Name ??= handbook.Fields.FirstOrDefault(f => f.Id == value.FieldId)?.Name;
        return rec;
    }

    public PlanFixAnalitic Analitic(XElement x) => FieldSet<PlanFixAnalitic>(x, "analitic");

    private T FieldSet<T>(XElement x, string kind) where T : PlanFixFieldSet, new()
    {
        return Read(x, kind, new T(), (r, set, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": set.Id = r.Long(e) ?? 0; break;
                case "name": set.Name = r.Text(e); break;
                case "group": (set.GroupId, set.GroupName) = r.Ref(e); break;
                case "fields": set.Fields = Fields(e, r); break;
                default: r.Keep(e); break;
            }
        });
    }

    /// <summary>One status of a set (<c>taskStatus.getListOfSet</c>).</summary>
    public PlanFixTaskStatus Status(XElement x, long setId, string? setName)
    {
        return Read(x, "task status", new PlanFixTaskStatus { StatusSetId = setId, StatusSetName = setName }, (r, s, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": s.Id = r.Int(e) ?? 0; break;
                case "name": s.Name = r.Text(e); break;
                case "color": s.Color = r.Text(e); break;
                case "isActive": s.IsActive = r.Bool(e); break;
                case "hasDeadline": s.HasDeadline = r.Bool(e); break;
                default: r.Keep(e); break;
            }
        });
    }

    public PlanFixFile File(XElement x)
    {
        return Read(x, "file", new PlanFixFile(), (r, f, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": f.Id = r.Long(e) ?? 0; break;
                case "uniqueId": f.UniqueId = r.Long(e); break;
                case "name": f.Name = r.Text(e); break;
                case "version": f.Version = r.Int(e); break;
                case "description": f.Description = r.Html(e); break;
                case "date": f.Date = r.Date(e); break;
                case "sourceType": f.SourceType = r.Text(e); break;
                case "size": f.Size = r.Decimal(e); break;
                case "task": (f.TaskId, f.TaskTitle) = r.Ref(e, "title"); break;
                case "project": (f.ProjectId, f.ProjectTitle) = r.Ref(e, "title"); break;
                case "user": (f.UserId, f.UserName) = r.Ref(e); break;
                case "downloadLink": f.DownloadLink = r.Text(e); break;
                default: r.Keep(e); break;
            }
        });
    }

    /// <summary><c>fields/field{id,num,name,type,list/value…,handbook/id}</c> of a handbook's structure or an analitic's options.</summary>
    private PlanFixFieldList Fields(XElement e, PlanFixItemReader owner)
    {
        var list = new PlanFixFieldList();
        foreach (var x in e.Elements())
        {
            if (x.Name.LocalName != "field")
            {
                owner.Extra.Put("fields", PlanFixExtra.ValueOf(x));
                continue;
            }
            list.Add(Read(x, "field", new PlanFixField(), (r, f, part) =>
            {
                switch (part.Name.LocalName)
                {
                    case "id": f.Id = r.Long(part) ?? 0; break;
                    case "num": f.Num = r.Int(part); break;
                    case "name": f.Name = r.Text(part); break;
                    case "type": f.Type = r.Text(part); break;
                    case "list":
                        foreach (var v in part.Elements())
                        {
                            if (v.Name.LocalName == "value" && !v.HasElements) f.List.Add(v.Value.Trim());
                            else r.Extra.Put("list", PlanFixExtra.ValueOf(v));
                        }
                        break;
                    case "handbook": f.HandbookId = r.Ref(part).Id; break;
                    default: r.Keep(part); break;
                }
            }));
        }
        return list;
    }
}
