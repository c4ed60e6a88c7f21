using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// Projects, contacts and users. project.update keeps what it is not sent (the reference says so); contact.update is
// played the same way (the reference says it of the template and nothing of the rest).
internal sealed partial class PlanFixEndpoints
{
    private Task ProjectListAsync(Call call)
    {
        var target = (call.Root.Element("target")?.Value.Trim() ?? "all").ToLowerInvariant();
        var status = call.Root.Element("status")?.Value.Trim().ToUpperInvariant();
        var client = OptionalLong(call.Root.Element("client")?.Element("id"), "client/id");
        IReadOnlyList<SeedPlanFixProject> projects = target == "template" ? [] : _seed.Projects
            .Where(p => string.IsNullOrEmpty(status) || p.Status == status)
            .Where(p => client is null || p.ClientId == client)
            .Where(p => target != "out" || p.OwnerId == call.UserId)
            .ToList();
        return ListAsync(call, "projects", projects, (w, p) => _write.Project(w, p, full: false));
    }

    private Task ProjectGetAsync(Call call) =>
        OneAsync(call, ByIdOrGeneral(call.Root.Element("project"), "project", _seed.FindProject, _seed.FindProject, PlanFixError.ProjectNotFound),
            (w, p) => _write.Project(w, p, full: true));

    private Task ProjectAddAsync(Call call)
    {
        var element = call.Root.Element("project") ?? throw PlanFixError.Missing("project");
        if (string.IsNullOrWhiteSpace(element.Element("title")?.Value)) throw PlanFixError.Missing("project/title");
        var now = _seed.Generator.LocalDate(_time.GetUtcNow());
        var draft = ApplyProject(element, new SeedPlanFixProject(0, "", "", call.UserId, "ACTIVE", BeginDate: now, WorkerIds: [],
            CustomData: PlanFixCustomValues.Empty(PlanFixCatalogData.ProjectFields)));
        var project = _seed.AddProject(id => draft with { Id = id });
        return WriteIdAsync(call, "project", project.Id);
    }

    private Task ProjectUpdateAsync(Call call)
    {
        var element = call.Root.Element("project") ?? throw PlanFixError.Missing("project");
        var current = ByIdOrGeneral(element, "project", _seed.FindProject, _seed.FindProject, PlanFixError.ProjectNotFound);
        ApplyProject(element, current);
        var updated = _seed.UpdateProject(current.Id, p => ApplyProject(element, p)) ?? throw PlanFixError.ProjectNotFound(current.Id);
        return WriteIdAsync(call, "project", updated.Id);
    }

    private SeedPlanFixProject ApplyProject(XElement e, SeedPlanFixProject p)
    {
        if (e.Element("title") is { } title)
        {
            if (string.IsNullOrWhiteSpace(title.Value)) throw new PlanFixError("0015", "Название проекта не может быть пустым");
            p = p with { Title = title.Value.Trim() };
        }
        if (e.Element("description") is { } description) p = p with { Description = description.Value };
        if (OptionalLong(e.Element("owner")?.Element("id"), "owner/id") is { } owner and not 0)
        {
            if (_seed.FindUser(owner) is null) throw PlanFixError.UserNotFound(owner);
            p = p with { OwnerId = owner };
        }
        if (OptionalLong(e.Element("client")?.Element("id"), "client/id") is { } client)
        {
            if (client != 0 && _seed.FindContact(client) is null) throw PlanFixError.ContactNotFound(client);
            p = p with { ClientId = client == 0 ? null : client };
        }
        if (e.Element("status")?.Value.Trim().ToUpperInvariant() is { Length: > 0 } status)
        {
            if (status is not ("DRAFT" or "ACTIVE" or "COMPLETED")) throw PlanFixError.BadValue("status", status);
            p = p with { Status = status };
        }
        if (e.Element("hidden") is { } hidden) p = p with { Hidden = hidden.Value.Trim() == "1" };
        if (e.Element("hasEndDate")?.Value.Trim() == "0") p = p with { EndDate = null };
        else if (e.Element("endDate")?.Value.Trim() is { Length: > 0 } end)
            p = p with { EndDate = PlanFixXml.TryParseDate(end, _seed.TimeZone, out var date, out _) ? date : throw PlanFixError.BadValue("endDate", end) };
        if (OptionalLong(e.Element("group")?.Element("id"), "group/id") is { } group)
        {
            if (group != 0 && PlanFixCatalogData.ProjectGroups.All(g => g.Id != group)) throw PlanFixError.BadValue("group/id", group);
            p = p with { GroupId = group == 0 ? null : group };
        }
        if (OptionalLong(e.Element("parent")?.Element("id"), "parent/id") is { } parent)
        {
            if (parent != 0 && _seed.FindProject(parent) is null) throw PlanFixError.ProjectNotFound(parent);
            p = p with { ParentId = parent == 0 ? null : parent };
        }
        // project.add and project.update take people as flat lists of ids.
        if (e.Element("workers") is { } workers)
        {
            var ids = workers.Elements("id").Select(x => OptionalLong(x, "workers/id") ?? 0).Where(id => id > 0).Distinct().ToList();
            foreach (var id in ids)
                if (_seed.FindUser(id) is null) throw PlanFixError.UserNotFound(id);
            p = p with { WorkerIds = ids };
        }
        return p with { CustomData = PlanFixCustomValues.Apply(PlanFixCatalogData.ProjectFields, p.CustomData ?? [], e.Element("customData"), _seed.FindContactByUserId) };
    }

    private Task ContactListAsync(Call call)
    {
        var root = call.Root;
        var target = (root.Element("target")?.Value.Trim() ?? "contact").ToLowerInvariant();
        if (target.Length == 0) target = "contact";
        if (target is not ("contact" or "company" or "template")) throw PlanFixError.BadValue("target", target);
        var company = OptionalLong(root.Element("company"), "company");
        var search = root.Element("search")?.Value.Trim();
        var now = _seed.Generator.Local(_time.GetUtcNow());
        var filters = PlanFixFilters.Contact(root.Element("filters"), now);
        IReadOnlyList<SeedPlanFixContact> all = target == "template" ? [_seed.TemplateContact] : _seed.Contacts;
        var matching = all
            .Where(c => target != "company" || c.IsCompany)
            .Where(c => company is null || c.CompanyId == company)
            .Where(c => string.IsNullOrEmpty(search) || c.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                        || c.LastName.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Email.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(filters)
            .ToList();
        return ListAsync(call, "contacts", matching, (w, c) => _write.Contact(w, c, list: true));
    }

    /// <summary>contact.get: <c>general</c> first, then <c>userid</c>, then <c>id</c>, as the reference orders them.</summary>
    private Task ContactGetAsync(Call call)
    {
        var e = call.Root.Element("contact");
        var general = OptionalLong(e?.Element("general"), "contact/general");
        var userId = OptionalLong(e?.Element("userid"), "contact/userid");
        var id = OptionalLong(e?.Element("id"), "contact/id");
        var contact = general is { } g ? _seed.FindContactByGeneral(g)
            : userId is { } u ? _seed.FindContactByUserId(u)
            : id is { } i ? _seed.FindContact(i)
            : throw PlanFixError.Missing("contact/id, contact/userid или contact/general");
        return OneAsync(call, contact ?? throw PlanFixError.ContactNotFound(general ?? userId ?? id ?? 0), (w, c) => _write.Contact(w, c, list: false));
    }

    private Task ContactAddAsync(Call call)
    {
        var element = call.Root.Element("contact") ?? throw PlanFixError.Missing("contact");
        if (string.IsNullOrWhiteSpace(element.Element("name")?.Value) && string.IsNullOrWhiteSpace(element.Element("lastName")?.Value))
            throw PlanFixError.Missing("contact/name");
        var isCompany = element.Element("isCompany")?.Value.Trim() == "1";
        var blank = new SeedPlanFixContact(0, 0, 0, "", "", "", [], "", isCompany, TemplateId: 700, CreatedAt: _seed.Generator.Local(_time.GetUtcNow()),
            CustomData: PlanFixCustomValues.Empty(PlanFixCatalogData.ContactFields));
        var draft = ApplyContact(element, blank);
        if (draft.Email.Length > 0 && _seed.Contacts.Any(c => string.Equals(c.Email, draft.Email, StringComparison.OrdinalIgnoreCase)))
            throw new PlanFixError("8007", $"E-mail {draft.Email} уже используется другим контактом");
        var contact = _seed.AddContact((id, userId, general) => draft with { Id = id, UserId = userId, General = general });
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("contact");
            w.Element("id", contact.Id);
            w.Element("userid", contact.UserId);
            w.Element("general", contact.General);
            w.WriteEndElement();
            w.Element("actionid", 0);
        });
    }

    private Task ContactUpdateAsync(Call call)
    {
        var element = call.Root.Element("contact") ?? throw PlanFixError.Missing("contact");
        var current = FindContactFor(element);
        var draft = ApplyContact(element, current);
        if (draft.Email.Length > 0 && _seed.Contacts.Any(c => c.Id != current.Id && string.Equals(c.Email, draft.Email, StringComparison.OrdinalIgnoreCase)))
            throw new PlanFixError("8007", $"E-mail {draft.Email} уже используется другим контактом");
        var updated = _seed.UpdateContact(current.Id, c => ApplyContact(element, c)) ?? throw PlanFixError.ContactNotFound(current.Id);
        return WriteContactIdAsync(call, updated);
    }

    private Task ContactUpdateCustomDataAsync(Call call)
    {
        var element = call.Root.Element("contact") ?? throw PlanFixError.Missing("contact");
        var current = FindContactFor(element);
        var data = PlanFixCustomValues.Apply(PlanFixCatalogData.ContactFields, current.CustomData ?? [], element.Element("customData"), _seed.FindContactByUserId);
        var updated = _seed.UpdateContact(current.Id, c => c with { CustomData = data }) ?? throw PlanFixError.ContactNotFound(current.Id);
        return WriteContactIdAsync(call, updated);
    }

    private SeedPlanFixContact FindContactFor(XElement element)
    {
        var id = OptionalLong(element.Element("id"), "contact/id");
        var userId = OptionalLong(element.Element("userid"), "contact/userid");
        var general = OptionalLong(element.Element("general"), "contact/general");
        var contact = id is { } i ? _seed.FindContact(i) : userId is { } u ? _seed.FindContactByUserId(u) : general is { } g ? _seed.FindContactByGeneral(g)
            : throw PlanFixError.Missing("contact/id или contact/general");
        if (contact is null || contact.IsTemplate) throw PlanFixError.ContactNotFound(id ?? userId ?? general ?? 0);
        return contact;
    }

    private static Task WriteContactIdAsync(Call call, SeedPlanFixContact contact) =>
        PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("contact");
            w.Element("id", contact.Id);
            w.Element("general", contact.General);
            w.WriteEndElement();
            w.Element("actionid", 0);
        });

    private SeedPlanFixContact ApplyContact(XElement e, SeedPlanFixContact c)
    {
        string Text(string name, string current) => e.Element(name) is { } x ? x.Value.Trim() : current;
        c = c with
        {
            Name = Text("name", c.Name), MidName = Text("midName", c.MidName), LastName = Text("lastName", c.LastName), Post = Text("post", c.Post),
            Email = Text("email", c.Email), Address = Text("address", c.Address), Description = e.Element("description")?.Value ?? c.Description,
            Site = Text("site", c.Site), Skype = Text("skype", c.Skype),
        };
        if (c.Email.Length > 0 && !c.Email.Contains('@')) throw new PlanFixError("8010", $"Недопустимый e-mail: {c.Email}");
        if (e.Element("sex")?.Value.Trim().ToUpperInvariant() is { } sex)
        {
            if (sex is not ("" or "MALE" or "FEMALE")) throw PlanFixError.BadValue("sex", sex);
            c = c with { Sex = sex };
        }
        if (e.Element("phones") is { } phones)
            c = c with
            {
                Phones = phones.Elements("phone").Select(p =>
                {
                    var typeId = OptionalLong(p.Element("typeId"), "phones/phone/typeId") ?? 2;
                    var type = PlanFixCatalogData.PhoneTypes.FirstOrDefault(t => t.Id == typeId);
                    if (type.Name is null) throw PlanFixError.BadValue("phones/phone/typeId", typeId);
                    return new SeedPlanFixPhone(p.Element("number")?.Value.Trim() ?? "", typeId, type.Name);
                }).Where(p => p.Number.Length > 0).ToList(),
            };
        if (e.Element("birthdate")?.Value.Trim() is { } born)
            c = c with { Birthdate = born.Length == 0 ? null : PlanFixXml.TryParseDate(born, _seed.TimeZone, out var date, out _) ? date : throw PlanFixError.BadValue("birthdate", born) };
        if (OptionalLong(e.Element("group")?.Element("id"), "group/id") is { } group)
        {
            if (group != 0 && PlanFixCatalogData.ContactGroups.All(g => g.Id != group)) throw PlanFixError.BadValue("group/id", group);
            c = c with { GroupId = group == 0 ? null : group };
        }
        if (OptionalLong(e.Element("template"), "template") is { } template)
        {
            if (template != _seed.TemplateContact.General) throw PlanFixError.BadValue("template", template);
            c = c with { TemplateId = template };
        }
        return c with { CustomData = PlanFixCustomValues.Apply(PlanFixCatalogData.ContactFields, c.CustomData ?? [], e.Element("customData"), _seed.FindContactByUserId) };
    }

    private Task PhoneTypesAsync(Call call) =>
        PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("phoneTypes");
            w.WriteAttributeString("totalCount", PlanFixCatalogData.PhoneTypes.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (id, name) in PlanFixCatalogData.PhoneTypes) w.Ref("phoneType", id, "name", name);
            w.WriteEndElement();
        });

    private Task UserListAsync(Call call) => ListAsync(call, "users", _seed.Users, _write.User);

    /// <summary><c>&lt;user&gt;&lt;id/&gt;</c>; without it, the calling user (as PlanFix does).</summary>
    private Task UserGetAsync(Call call)
    {
        var id = OptionalLong(call.Root.Element("user")?.Element("id"), "user/id") ?? call.UserId;
        return OneAsync(call, _seed.FindUser(id) ?? throw PlanFixError.UserNotFound(id), _write.User);
    }

    private static Task WriteIdAsync(Call call, string element, long id) =>
        PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement(element);
            w.Element("id", id);
            w.WriteEndElement();
        });
}
