using System.Globalization;
using System.Xml;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// The objects as PlanFix writes them, with at least every element the published answers have (tests/contract/planfix:
/// the reference's templates and recorded answers), so the emulator's shapes are the corpus's, not our own reading.
/// </summary>
internal sealed partial class PlanFixWriter(PlanFixSeed seed)
{
    /// <summary>A task as task.get gives it (<paramref name="full"/>) or task.getList (without members and auditors, as the reference says).</summary>
    public void Task(XmlWriter w, SeedPlanFixTask t, bool full)
    {
        w.WriteStartElement("task");
        w.Element("id", t.Id);
        w.Element("title", t.Title);
        w.Element("description", t.Description);
        w.Element("importance", t.Importance);
        w.Element("status", t.Status);
        w.Element("statusSet", t.StatusSet);
        w.Element("checkResult", t.CheckResult ? 1 : 0);
        w.Element("type", t.IsTemplate ? "template" : "task");
        UserRef(w, "owner", t.OwnerId);
        w.IdOf("parent", t.ParentId);
        w.IdOf("template", t.IsTemplate ? 0 : PlanFixGenerator.TemplateTaskIdBase + t.StatusSet % 2);
        if (t.ProjectId is { } projectId) ProjectRef(w, projectId);
        ClientRef(w, t.ClientId);
        w.Element("beginDateTime", PlanFixXml.Date(t.BeginDateTime, withTime: true));
        if (t.StartTime is { } start) w.Element("startTime", PlanFixXml.Date(start, t.StartTimeHasTime));
        if (t.EndTime is { } end) w.Element("endTime", PlanFixXml.Date(end, t.EndTimeHasTime));
        if (t.Duration is { } duration)
        {
            w.Element("duration", duration);
            w.Element("durationUnit", t.DurationUnit);
        }
        w.Element("general", t.General);
        var now = seed.Generator.Local(DateTimeOffset.UtcNow);
        var overdue = t.EndTime is { } e && (t.EndTimeHasTime ? e : e.AddDays(1)) < now && IsActive(t.Status);
        w.Element("isOverdued", overdue ? 1 : 0);
        w.Element("isCloseToDeadline", !overdue && t.EndTime is { } soon && soon < now.AddDays(2) && IsActive(t.Status) ? 1 : 0);
        w.Element("isNotAcceptedInTime", 0);
        w.Element("isSummary", t.IsSummary ? 1 : 0);
        w.Element("starred", 0);
        w.Element("additionalDescriptionData", "");
        People(w, "workers", t.WorkerIds, t.WorkerGroupIds);
        if (full)
        {
            People(w, "members", t.MemberIds, t.MemberGroupIds);
            People(w, "auditors", t.AuditorIds, t.AuditorGroupIds);
        }
        if (t.Periodicity is { } p) Periodicity(w, p);
        CustomData(w, t.CustomData, withNames: true);
        w.WriteEndElement();
    }

    public void Project(XmlWriter w, SeedPlanFixProject p, bool full)
    {
        w.WriteStartElement("project");
        w.Element("id", p.Id);
        w.Element("title", p.Title);
        w.Element("description", p.Description);
        UserRef(w, "owner", p.OwnerId);
        ClientRef(w, p.ClientId);
        var group = PlanFixCatalogData.ProjectGroups.FirstOrDefault(g => g.Id == p.GroupId);
        w.Ref("group", p.GroupId ?? 0, "name", group.Name ?? "");
        w.IdOf("parent", p.ParentId ?? 0);
        w.IdOf("template", 0);
        w.Element("status", p.Status);
        w.Element("hidden", p.Hidden ? 1 : 0);
        w.Element("hasEndDate", p.EndDate is null ? 0 : 1);
        if (p.EndDate is { } end) w.Element("endDate", PlanFixXml.Date(end, withTime: false));
        if (p.BeginDate is { } begin) w.Element("beginDate", PlanFixXml.Date(begin, withTime: false));
        w.Element("taskCount", seed.TaskSnapshot().Count(t => t.ProjectId == p.Id));
        var now = seed.Generator.Local(DateTimeOffset.UtcNow);
        w.Element("isOverdued", p.EndDate is { } e && e.AddDays(1) < now && p.Status == "ACTIVE" ? 1 : 0);
        w.Element("isCloseToDeadline", 0);
        if (full)
        {
            People(w, "workers", p.WorkerIds ?? [], [PlanFixCatalogData.UserGroups[1].Id]);
            People(w, "members", [seed.Users[^1].Id], [PlanFixCatalogData.UserGroups[0].Id]);
            People(w, "auditors", [seed.Users[0].Id], []);
        }
        CustomData(w, p.CustomData ?? [], withNames: true);
        w.WriteEndElement();
    }

    /// <summary>A contact as contact.get gives it, or as contact.getList (<paramref name="list"/>: with the user part, without midName and responsible).</summary>
    public void Contact(XmlWriter w, SeedPlanFixContact c, bool list)
    {
        w.WriteStartElement("contact");
        w.Element("id", c.Id);
        w.Element("userid", c.UserId);
        w.Element("general", c.General);
        w.IdOf("template", c.TemplateId ?? 0);
        w.Element("name", c.Name);
        if (!list) w.Element("midName", c.MidName);
        w.Element("lastName", c.LastName);
        w.Element("isCompany", c.IsCompany ? 1 : 0);
        w.Element("post", c.Post);
        w.Element("email", c.Email);
        if (!list)
        {
            w.WriteStartElement("secondaryEmails");
            if (c.Email.Length > 0) w.Element("email", c.Email.Replace("@", ".alt@", StringComparison.Ordinal));
            w.WriteEndElement();
        }
        w.List("phones", "phone", c.Phones, (w, phone) =>
        {
            w.Element("number", phone.Number);
            w.Element("typeId", phone.TypeId);
            w.Element("typeName", phone.TypeName);
        });
        w.Element("address", c.Address);
        w.Element("description", c.Description);
        w.Element("sex", c.Sex);
        if (!list) w.Element("site", c.Site);
        w.Element("skype", c.Skype);
        if (list)
        {
            w.Element("facebook", "");
            w.Element("vk", "");
            w.Element("telegramId", "");
        }
        w.Element("icq", "");
        w.Element("userPic", "");
        w.Element("birthdate", c.Birthdate is { } born ? PlanFixXml.Date(born, withTime: false) : "");
        if (!list)
        {
            var group = PlanFixCatalogData.ContactGroups.FirstOrDefault(g => g.Id == c.GroupId);
            w.Ref("group", c.GroupId ?? 0, "name", group.Name ?? "");
        }
        w.Element("havePlanfixAccess", 0);
        if (list)
        {
            w.WriteStartElement("user");
            w.Element("login", "");
            w.Element("role", "USER");
            w.Element("status", "ACTIVE");
            w.Element("email", c.Email);
            w.WriteEndElement();
        }
        w.WriteStartElement("contractors");
        if (c.CompanyId is { } company && seed.FindContact(company) is { } employer) w.Ref("client", employer.Id, "name", employer.FullName);
        w.WriteEndElement();
        if (!list)
        {
            w.IdOf("telegram", 0);
        }
        CustomData(w, c.CustomData ?? [], withNames: true);
        if (!list) People(w, "responsible", [seed.Users[0].Id], [PlanFixCatalogData.UserGroups[1].Id]);
        w.WriteEndElement();
    }

    /// <summary>A user with every element a recorded real answer has (user.get, user.getList).</summary>
    public void User(XmlWriter w, SeedPlanFixUser u)
    {
        w.WriteStartElement("user");
        w.Element("id", u.Id);
        w.Element("general", u.Id - 1000);
        w.Element("name", u.Name);
        w.Element("midName", "");
        w.Element("lastName", u.LastName);
        w.Element("login", u.Login);
        w.Element("email", u.Email);
        w.WriteStartElement("secondaryEmails");
        w.Element("email", u.Login + "@mail.example.ru");
        w.WriteEndElement();
        w.Element("telegramId", "");
        w.Element("jabber", "");
        w.Element("role", u.Role);
        w.Element("status", u.Active ? "ACTIVE" : "UNACTIVE");
        w.Element("isActivated", u.Active ? 1 : 0);
        w.Element("birthdate", "");
        w.Element("sex", u.Id % 2 == 1 ? "MALE" : "FEMALE");
        // A real answer has one <phone> text; the reference's skeleton, phones/phone{number,typeId,typeName}: both are sent.
        var phone = $"+7 900 000-{u.Id % 100:00}-{u.Id % 7:00}";
        w.Element("phone", phone);
        w.WriteStartElement("phones");
        w.WriteStartElement("phone");
        w.Element("number", phone);
        w.Element("typeId", 2);
        w.Element("typeName", "Мобильный");
        w.WriteEndElement();
        w.WriteEndElement();
        w.Ref("post", 1 + u.Id % 3, "name", u.Role == "ADMIN" ? "Руководитель" : "Специалист");
        w.Element("userPic", "");
        w.Element("isOnline", 0);
        w.Element("timezone", "3");
        w.Element("useDst", 0);
        w.Element("coeff", "1");
        w.Element("isInvisibleOutOfGroup", 0);
        w.Element("isBlindOutOfGroup", 0);
        w.WriteStartElement("notify");
        w.Element("byEmail", 1);
        w.Element("byJabber", 0);
        w.Element("byPlanfix", 1);
        w.WriteEndElement();
        w.WriteStartElement("userGroups");
        foreach (var id in u.GroupIds)
            w.Ref("userGroup", id, "name", PlanFixCatalogData.UserGroups.FirstOrDefault(g => g.Id == id)?.Name ?? "");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    public void Action(XmlWriter w, SeedPlanFixAction a)
    {
        w.WriteStartElement("action");
        w.Element("id", a.Id);
        w.Element("description", a.Description);
        w.Element("type", a.Type);
        if (a.StatusChange is { } change)
        {
            w.WriteStartElement("statusChange");
            w.Element("oldStatus", change.Old);
            w.Element("newStatus", change.New);
            w.WriteEndElement();
        }
        w.Element("isNotRead", a.Id % 3 == 0 ? 1 : 0);
        w.Element("fromEmail", 0);
        w.Element("dateTime", PlanFixXml.Date(a.DateTime, withTime: true));
        if (a.ContactGeneral is { } general)
        {
            w.WriteStartElement("contact");
            w.Element("general", general);
            w.Element("name", seed.FindContactByGeneral(general)?.FullName ?? "");
            w.WriteEndElement();
        }
        else
        {
            var task = seed.FindTask(a.TaskId);
            w.Ref("task", a.TaskId, "title", task?.Title ?? "");
            if (task?.ProjectId is { } projectId) ProjectRef(w, projectId);
        }
        UserRef(w, "owner", a.OwnerId);
        if (a.DateChanged)
        {
            foreach (var name in new[] { "taskExpectDateChanged", "taskStartTimeChanged" })
            {
                w.WriteStartElement(name);
                w.Element("oldDate", PlanFixXml.Date(a.DateTime.AddDays(-3), withTime: false));
                w.Element("oldDateIsSet", 1);
                w.Element("newDate", PlanFixXml.Date(a.DateTime.AddDays(4), withTime: false));
                w.Element("newDateIsSet", 1);
                w.WriteEndElement();
            }
        }
        if (a.FileIds.Count > 0)
        {
            w.WriteStartElement("files");
            foreach (var id in a.FileIds) w.Ref("file", id, "name", seed.Files.FirstOrDefault(f => f.Id == id)?.Name ?? "");
            w.WriteEndElement();
        }
        if (a.Analitics.Count > 0)
        {
            w.List("analitics", "analitic", a.Analitics, (w, data) =>
            {
                w.Element("id", data.AnaliticId);
                w.Element("key", data.Key);
                w.Element("name", PlanFixCatalogData.Analitics.FirstOrDefault(x => x.Id == data.AnaliticId)?.Name ?? "");
            });
        }
        w.WriteStartElement("notifiedList");
        foreach (var id in a.NotifiedIds) UserRef(w, "user", id);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    // References by id, named as the seed names them now (PlanFix sends the name or title beside the id).
    private void UserRef(XmlWriter w, string element, long id) => w.Ref(element, id, "name", seed.FindUser(id)?.FullName ?? "");

    private void ClientRef(XmlWriter w, long? id) => w.Ref("client", id ?? 0, "name", id is { } client ? seed.FindContact(client)?.FullName ?? "" : "");

    private void ProjectRef(XmlWriter w, long id) => w.Ref("project", id, "title", seed.FindProject(id)?.Title ?? "");

    /// <summary>People: <c>users/user{id,name}</c> and <c>groups/group{id,name}</c>.</summary>
    private void People(XmlWriter w, string role, IReadOnlyList<long> users, IReadOnlyList<long> groups)
    {
        w.WriteStartElement(role);
        w.WriteStartElement("users");
        foreach (var id in users)
        {
            var name = seed.FindUser(id)?.FullName ?? seed.FindContactByUserId(id)?.FullName ?? "";
            w.Ref("user", id, "name", name);
        }
        w.WriteEndElement();
        w.WriteStartElement("groups");
        foreach (var id in groups) w.Ref("group", id, "name", PlanFixCatalogData.UserGroups.FirstOrDefault(g => g.Id == id)?.Name ?? "");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary><c>customData/customValue{field{id[,name]},value,text}</c> (handbook records carry no field name).</summary>
    public static void CustomData(XmlWriter w, IReadOnlyList<SeedPlanFixCustomValue> values, bool withNames)
    {
        w.List("customData", "customValue", values, (w, c) =>
        {
            w.WriteStartElement("field");
            w.Element("id", c.FieldId);
            if (withNames) w.Element("name", c.FieldName);
            w.WriteEndElement();
            w.Element("value", c.Value);
            w.Element("text", c.Text);
        });
    }

    private static void Periodicity(XmlWriter w, SeedPlanFixPeriodicity p)
    {
        w.WriteStartElement("periodicity");
        w.WriteStartElement(p.Kind);
        w.Element("type", p.Type);
        switch (p.Kind)
        {
            case "daily":
                w.Element("shift", p.Shift);
                break;
            case "weekly":
                w.Element("shift", p.Shift);
                w.Element("days", "1,3,5");
                break;
            default:
                w.Element("month", p.Shift);
                w.Element("day", 15);
                w.Element("dayType", "DAY");
                break;
        }
        w.WriteEndElement();
        w.Element("startDate", PlanFixXml.Date(p.StartDate, withTime: false));
        w.WriteStartElement("endCondition");
        w.Element("type", "BYCOUNT");
        w.Element("date", PlanFixXml.Date(p.StartDate.AddYears(1), withTime: false));
        w.Element("repeatCount", p.RepeatCount);
        w.WriteEndElement();
        w.WriteStartElement("notify");
        w.Element("type", 0);
        w.Element("day", 1);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    public static bool IsActive(int status) => PlanFixCatalogData.Statuses.FirstOrDefault(s => s.Id == status)?.IsActive ?? true;

    internal static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
