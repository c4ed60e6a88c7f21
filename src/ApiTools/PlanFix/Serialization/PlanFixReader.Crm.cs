using System.Xml.Linq;
using ApiTools.PlanFix.Input;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

// Contacts and projects: the CRM half of PlanFix.
internal sealed partial class PlanFixReader
{
    public PlanFixContact Contact(XElement x)
    {
        var c = Read(x, "contact", new PlanFixContact(), (r, c, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": c.Id = r.Long(e) ?? 0; break;
                case "userid": c.UserId = r.Long(e); break;
                case "general": c.General = r.Long(e); break;
                case "template": c.TemplateId = r.Ref(e).Id; break;
                case "name": c.Name = r.Text(e); break;
                case "midName": c.MidName = r.Text(e); break;
                case "lastName": c.LastName = r.Text(e); break;
                case "isCompany": c.IsCompany = r.Bool(e); break;
                case "post": c.Post = r.Text(e); break;
                case "email": c.Email = r.Text(e); break;
                case "phones": Phones(e, c.Phones, r); break;
                case "phone" when !e.HasElements:
                    if (r.Text(e) is { } number) c.Phones.Add(new PlanFixPhone { Number = number });
                    break;
                case "address": c.Address = r.Text(e); break;
                case "description": c.Description = PlanFixHtml.Text(c.DescriptionHtml = r.Html(e)); break;
                case "sex": c.Sex = r.Text(e); break;
                case "site": c.Site = r.Text(e); break;
                case "skype": c.Skype = r.Text(e); break;
                case "birthdate": c.Birthdate = r.Date(e); break;
                case "group": (c.GroupId, c.GroupName) = r.Ref(e); break;
                case "customData": c.CustomFields = r.CustomData(e); break;
                default: r.Keep(e); break;
            }
        });
        c.Fingerprint = PlanFixFingerprint.Of(PlanFixCanonical.Contact(PlanFixCanonical.DraftOf(c), _zone), PlanFixCanonical.ContactScalars.Length);
        return c;
    }

    public PlanFixProject Project(XElement x)
    {
        var p = Read(x, "project", new PlanFixProject(), (r, p, e) =>
        {
            switch (e.Name.LocalName)
            {
                case "id": p.Id = r.Long(e) ?? 0; break;
                case "title": p.Title = r.Html(e); break;
                case "description": p.Description = PlanFixHtml.Text(p.DescriptionHtml = r.Html(e)); break;
                case "owner": (p.OwnerId, p.OwnerName) = r.Ref(e); break;
                case "client": (p.ClientId, p.ClientName) = r.Ref(e); break;
                case "group": (p.GroupId, p.GroupName) = r.Ref(e); break;
                case "parent": p.ParentId = r.Ref(e).Id; break;
                case "status": p.Status = r.Text(e); break;
                case "hidden": p.Hidden = r.Bool(e); break;
                case "endDate": p.EndDate = r.Date(e); break;
                case "beginDate": p.BeginDate = r.Date(e); break;
                case "taskCount": p.TaskCount = r.Int(e); break;
                case "isOverdued": p.IsOverdued = r.Bool(e); break;
                case "customData": p.CustomFields = r.CustomData(e); break;
                default: r.Keep(e); break;
            }
        });
        p.Fingerprint = PlanFixFingerprint.Of(PlanFixCanonical.Project(PlanFixCanonical.DraftOf(p), _zone), PlanFixCanonical.ProjectScalars.Length);
        return p;
    }

    /// <summary><c>phones/phone{number,typeId,typeName}</c>; a bare <c>phone</c> text (as user.get has it) reads as a number.</summary>
    private static void Phones(XElement e, PlanFixPhones phones, PlanFixItemReader r)
    {
        foreach (var phone in e.Elements())
        {
            if (phone.Name.LocalName != "phone")
            {
                r.Extra.Put("phones", PlanFixExtra.ValueOf(phone));
                continue;
            }
            if (!phone.HasElements)
            {
                if (phone.Value.Trim() is { Length: > 0 } bare) phones.Add(new PlanFixPhone { Number = bare });
                continue;
            }
            var item = new PlanFixPhone();
            foreach (var part in phone.Elements())
            {
                switch (part.Name.LocalName)
                {
                    case "number": item.Number = part.Value.Trim() is { Length: > 0 } n ? n : null; break;
                    case "typeId" when long.TryParse(part.Value.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var type):
                        item.TypeId = type;
                        break;
                    case "typeName": item.TypeName = part.Value.Trim() is { Length: > 0 } tn ? tn : null; break;
                    default:
                        if (part.HasElements || part.Value.Trim().Length > 0) r.Extra.Put("phone." + part.Name.LocalName, PlanFixExtra.ValueOf(part));
                        break;
                }
            }
            phones.Add(item);
        }
    }
}
