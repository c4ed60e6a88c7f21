using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// Actions (comments) of tasks and contacts, with analitic data: action.getList, action.get, action.add (analitic rows
// checked field by field as the reference's codes 4010–4016 say), analitic.getList/getOptions/getHandbook/getData.
internal sealed partial class PlanFixEndpoints
{
    private Task ActionListAsync(Call call)
    {
        var task = call.Root.Element("task");
        var contact = call.Root.Element("contact");
        IReadOnlyList<SeedPlanFixAction> actions;
        if (task is not null)
        {
            var found = ByIdOrGeneral(task, "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound);
            actions = _seed.ActionsOf(found.Id);
        }
        else if (contact is not null)
        {
            var general = RequiredLong(contact.Element("general"), "contact/general");
            if (_seed.FindContactByGeneral(general) is null) throw PlanFixError.ContactNotFound(general);
            actions = _seed.ActionsOfContact(general);
        }
        else throw PlanFixError.Missing("task/id или contact/general");
        // Newest first unless sort says asc (the reference's default is desc).
        var sort = call.Root.Element("sort")?.Value.Trim().ToLowerInvariant();
        var ordered = sort == "asc" ? actions : actions.Reverse().ToList();
        return ListAsync(call, "actions", ordered, _write.Action);
    }

    private Task ActionGetAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("action")?.Element("id"), "action/id");
        return OneAsync(call, _seed.FindAction(id) ?? throw new PlanFixError("4002", $"Действие {id} не найдено"), _write.Action);
    }

    private Task ActionAddAsync(Call call)
    {
        var element = call.Root.Element("action") ?? throw PlanFixError.Missing("action");
        var description = element.Element("description")?.Value;
        if (string.IsNullOrWhiteSpace(description)) throw PlanFixError.Missing("action/description");
        var at = _seed.Generator.Local(_time.GetUtcNow());
        long taskId = 0;
        long? contactGeneral = null;
        if (element.Element("task") is { HasElements: true } task)
            taskId = ByIdOrGeneral(task, "task", _seed.FindTask, _seed.FindTaskByGeneral, PlanFixError.TaskNotFound).Id;
        else if (element.Element("contact") is { HasElements: true } contact)
        {
            var general = RequiredLong(contact.Element("general"), "action/contact/general");
            if (_seed.FindContactByGeneral(general) is null) throw PlanFixError.ContactNotFound(general);
            contactGeneral = general;
        }
        else throw PlanFixError.Missing("action/task/id или action/contact/general");
        var analitics = element.Element("analitics")?.Elements("analitic").Select(AnaliticRow).ToList() ?? [];
        var newStatus = element.Element("taskNewStatus")?.Value.Trim();
        var action = _seed.AddAction(taskId, id => new SeedPlanFixAction(id, taskId, description, at, call.UserId)
            { Type = "COMMENT", ContactGeneral = contactGeneral, Analitics = analitics }) ?? throw PlanFixError.TaskNotFound(taskId);
        if (!string.IsNullOrEmpty(newStatus) && taskId != 0)
        {
            var current = _seed.FindTask(taskId)!;
            var status = StatusOf(newStatus, current.StatusSet);
            _seed.UpdateTask(taskId, t => t with { Status = status });
        }
        return WriteIdAsync(call, "action", action.Id);
    }

    /// <summary>One <c>analitic{id, analiticData/itemData{fieldId,value}}</c>: 4010 no such analitic, 4012 a field not of
    /// it, 4013 a value of the wrong type, 4015 a handbook key that does not exist.</summary>
    private SeedPlanFixAnaliticData AnaliticRow(XElement element)
    {
        var id = RequiredLong(element.Element("id"), "analitic/id");
        var analitic = PlanFixCatalogData.Analitics.FirstOrDefault(a => a.Id == id) ?? throw new PlanFixError("4010", $"Аналитика {id} не найдена");
        var items = new List<(long, string, string?)>();
        foreach (var item in element.Element("analiticData")?.Elements("itemData") ?? [])
        {
            var fieldId = RequiredLong(item.Element("fieldId"), "itemData/fieldId");
            var field = analitic.Fields.FirstOrDefault(f => f.Id == fieldId) ?? throw new PlanFixError("4012", $"Поле {fieldId} не входит в аналитику {id}");
            items.Add(AnaliticItem(field, item.Element("value")));
        }
        return new SeedPlanFixAnaliticData(_seed.NextAnaliticKey(), id, items);
    }

    private (long, string, string?) AnaliticItem(SeedPlanFixField field, XElement? value)
    {
        var text = value?.HasElements == true ? "" : value?.Value.Trim() ?? "";
        PlanFixError Mismatch() => new("4013", $"Значение поля {field.Id} не соответствует его типу: {value?.Value}");
        switch (field.Type)
        {
            case "NUMBER":
                if (text.Length > 0 && !decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _)) throw Mismatch();
                return (field.Id, text, null);
            case "DATE":
                // The reference writes dd-MM-yyyy; a production client sends yyyy-MM-dd, and PlanFix takes it.
                if (text.Length > 0 && !DateTime.TryParseExact(text, ["dd-MM-yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) throw Mismatch();
                return (field.Id, text, null);
            case "TIMEPERIOD":
                var begin = value?.Element("begin")?.Value.Trim();
                var end = value?.Element("end")?.Value.Trim();
                if (begin is null || end is null) throw Mismatch();
                return (field.Id, begin + "-" + end, null);
            case "HANDBOOK":
                if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var key)) throw Mismatch();
                var record = _seed.Records.FirstOrDefault(r => r.HandbookId == field.HandbookId && r.Key == key)
                             ?? throw new PlanFixError("4015", $"Запись {key} справочника {field.HandbookId} не найдена");
                if (record.IsGroup) throw new PlanFixError("4014", $"Группа {key} справочника не может быть значением аналитики");
                return (field.Id, record.Values.FirstOrDefault().Value ?? "", text);
            case "LOGINLIST":
                var ids = value?.Elements("id").Select(x => RequiredLong(x, "value/id")).ToList() ?? [];
                if (ids.Count == 0 && text.Length > 0) ids.Add(long.TryParse(text, out var single) ? single : throw Mismatch());
                foreach (var user in ids)
                    if (_seed.FindUser(user) is null) throw PlanFixError.UserNotFound(user);
                return (field.Id, string.Join(", ", ids.Select(u => _seed.FindUser(u)!.FullName)), string.Join(",", ids));
            case "LIST":
                if (text.Length > 0 && !field.List.Contains(text)) throw Mismatch();
                return (field.Id, text, null);
            default:
                return (field.Id, text, null);
        }
    }

    private Task AnaliticListAsync(Call call) =>
        WriteAllAsync(call.Context, "analitics", PlanFixCatalogData.Analitics, (w, a) => PlanFixWriter.Analitic(w, a, options: false));

    private Task AnaliticOptionsAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("analitic")?.Element("id"), "analitic/id");
        var analitic = PlanFixCatalogData.Analitics.FirstOrDefault(a => a.Id == id) ?? throw new PlanFixError("10002", $"Аналитика {id} не найдена");
        return OneAsync(call, analitic, (w, a) => PlanFixWriter.Analitic(w, a, options: true));
    }

    /// <summary>analitic.getHandbook: a handbook's records with their values as attributes (<c>value value= name= isDisplayed=</c>).</summary>
    private Task AnaliticHandbookAsync(Call call)
    {
        var id = RequiredLong(call.Root.Element("handbook")?.Element("id"), "handbook/id");
        var handbook = PlanFixCatalogData.Handbooks.FirstOrDefault(h => h.Id == id) ?? throw new PlanFixError("10004", $"Справочник {id} не найден");
        var records = _seed.Records.Where(r => r.HandbookId == id).ToList();
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.List("records", "record", records, (w, r) =>
            {
                w.Element("key", r.Key);
                w.Element("parentKey", r.ParentKey);
                w.Element("isGroup", r.IsGroup ? 1 : 0);
                foreach (var (fieldId, value) in r.Values)
                {
                    w.WriteStartElement("value");
                    w.WriteAttributeString("value", value);
                    w.WriteAttributeString("name", handbook.Fields.First(f => f.Id == fieldId).Name);
                    w.WriteAttributeString("isDisplayed", fieldId == handbook.Fields[0].Id ? "1" : "0");
                    w.WriteEndElement();
                }
            });
        });
    }

    /// <summary>analitic.getData: rows by key (<c>analiticKeys/key</c>); an unknown key is left out, not an error.</summary>
    private Task AnaliticDataAsync(Call call)
    {
        var keys = call.Root.Element("analiticKeys")?.Elements("key").Select(k => RequiredLong(k, "analiticKeys/key")).ToList()
                   ?? throw PlanFixError.Missing("analiticKeys");
        var rows = _seed.AnaliticData(keys);
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("analiticDatas");
            foreach (var row in rows)
            {
                var analitic = PlanFixCatalogData.Analitics.First(a => a.Id == row.AnaliticId);
                w.WriteStartElement("analiticData");
                w.Element("key", row.Key);
                foreach (var (fieldId, value, valueId) in row.Items)
                {
                    w.WriteStartElement("itemData");
                    w.Element("id", fieldId);
                    w.Element("name", analitic.Fields.First(f => f.Id == fieldId).Name);
                    w.Element("value", value);
                    w.Element("valueId", valueId ?? "");
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        });
    }
}
