using System.Xml.Linq;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

/// <summary>Response elements → the flat models, tolerantly (<see cref="PlanFixItemReader"/>): what a model does not name
/// is kept in its Extra as structured values, a value of another kind is kept there with one warning per field, and
/// nothing fails an item or a listing. Tasks, actions and users here; the other kinds in the partial files beside it.</summary>
internal sealed partial class PlanFixReader
{
    private readonly TimeZoneInfo _zone;
    private readonly IApiObserver _observer;

    public PlanFixReader(TimeZoneInfo zone, IApiObserver observer)
    {
        _zone = zone;
        _observer = observer;
    }

    private PlanFixItemReader For(string kind) => new(kind, _zone, _observer);

    /// <summary>An item of <paramref name="kind"/> read element by element: <paramref name="read"/> takes the elements its
    /// model names and keeps the others (<see cref="PlanFixItemReader.Keep"/>); what was kept is the item's Extra.</summary>
    private T Read<T>(XElement x, string kind, T item, Action<PlanFixItemReader, T, XElement> read) where T : PlanFixItem
    {
        var r = For(kind);
        foreach (var e in x.Elements()) read(r, item, e);
        item.Extra = r.Extra;
        return item;
    }

    public PlanFixTask Task(XElement x)
    {
        return Read(x, "task", new PlanFixTask(), (r, t, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": t.Id = r.Long(e) ?? 0; break;
                case "general": t.General = r.Long(e); break;
                case "title": t.Title = r.Html(e); break;
                case "description": t.Description = PlanFixHtml.Text(t.DescriptionHtml = r.Html(e)); break;
                case "importance": t.Importance = r.Text(e); break;
                case "status": t.Status = r.Int(e); break;
                case "statusSet": t.StatusSet = r.Long(e); break;
                case "owner": (t.OwnerId, t.OwnerName) = r.Ref(e); break;
                case "parent": t.ParentId = r.Ref(e).Id; break;
                case "project": (t.ProjectId, t.ProjectTitle) = r.Ref(e, "title"); break;
                case "client": (t.ClientId, t.ClientName) = r.Ref(e); break;
                case "beginDateTime": t.BeginDateTime = r.Date(e); break;
                case "startTime": t.StartTime = r.Date(e); break;
                case "endTime": t.EndTime = r.Date(e); break;
                case "isOverdued": t.IsOverdued = r.Bool(e); break;
                case "workers":
                    var names = new StringList();
                    r.People(e, names, t.WorkerIds, t.WorkerGroups, t.WorkerGroupIds);
                    t.Workers = new StringList(names.Concat(t.WorkerGroups));
                    break;
                case "customData": t.CustomFields = r.CustomData(e); break;
                default: r.Keep(e); break;
            }
        });
    }

    public PlanFixAction Action(XElement x)
    {
        return Read(x, "action", new PlanFixAction(), (r, a, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": a.Id = r.Long(e) ?? 0; break;
                case "description": a.Description = PlanFixHtml.Text(a.DescriptionHtml = r.Html(e)); break;
                case "type": a.Type = r.Text(e); break;
                case "dateTime": a.DateTime = r.Date(e); break;
                case "owner": (a.OwnerId, a.OwnerName) = r.Ref(e); break;
                case "task": (a.TaskId, a.TaskTitle) = r.Ref(e, "title"); break;
                case "project": (a.ProjectId, a.ProjectTitle) = r.Ref(e, "title"); break;
                default: r.Keep(e); break;
            }
        });
    }

    public PlanFixUser User(XElement x)
    {
        bool? activated = null, activeElement = null;
        var u = Read(x, "user", new PlanFixUser(), (r, u, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": u.Id = r.Long(e) ?? 0; break;
                case "general": u.General = r.Long(e); break;
                case "name": u.Name = r.Text(e); break;
                case "lastName": u.LastName = r.Text(e); break;
                case "login": u.Login = r.Text(e); break;
                case "email": u.Email = r.Text(e); break;
                case "role": u.Role = r.Text(e); break;
                case "status": u.Status = r.Text(e); break;
                case "isActivated": activated = r.Bool(e); break;
                case "active": activeElement = r.Bool(e); break;
                default: r.Keep(e); break;
            }
        });
        // The reference's status (ACTIVE/UNACTIVE) decides; a real answer also says isActivated, which serves without a status.
        u.Active = u.Status?.ToUpperInvariant() switch
        {
            "ACTIVE" => true,
            "UNACTIVE" or "INACTIVE" => false,
            _ => activeElement ?? activated,
        };
        if (activated is bool a) u.Extra["isActivated"] = a ? "1" : "0";
        return u;
    }
}
