using System.Globalization;
using System.Xml.Linq;

namespace ApiTools.Emulator.PlanFix;

// Handbooks: the list, the structure, records one level of groups at a time (handbook.getRecords has no total count:
// a client pages until a short page), one record, several by key, and writing records.
internal sealed partial class PlanFixEndpoints
{
    private Task HandbookListAsync(Call call) =>
        WriteAllAsync(call.Context, "handbooks", PlanFixCatalogData.Handbooks, (w, h) => PlanFixWriter.Handbook(w, h, structure: false));

    private Task HandbookStructureAsync(Call call) => OneAsync(call, Handbook(call.Root), (w, h) => PlanFixWriter.Handbook(w, h, structure: true));

    private Task HandbookRecordsAsync(Call call)
    {
        var handbook = Handbook(call.Root);
        var parent = OptionalLong(call.Root.Element("parentKey"), "parentKey") ?? 0;
        var (page, size) = Paging(call);
        var level = _seed.Records.Where(r => r.HandbookId == handbook.Id && r.ParentKey == parent).ToList();
        var from = (long)(page - 1) * size;
        var count = from >= level.Count ? 0 : (int)Math.Min(size, level.Count - from);
        // The reference's answer: <records> with no count or totalCount.
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("records");
            for (var i = 0; i < count; i++) _write.Record(w, level[(int)from + i]);
            w.WriteEndElement();
        });
    }

    private Task HandbookRecordAsync(Call call)
    {
        var handbook = Handbook(call.Root);
        var key = RequiredLong(call.Root.Element("key"), "key");
        var record = _seed.Records.FirstOrDefault(r => r.HandbookId == handbook.Id && r.Key == key) ?? throw new PlanFixError("0101", $"Запись {key} не найдена");
        return PlanFixXml.WriteOkAsync(call.Context, w => _write.Record(w, record));
    }

    private Task HandbookRecordMultiAsync(Call call)
    {
        var handbook = Handbook(call.Root);
        var keys = call.Root.Element("records")?.Elements("key").Select(k => RequiredLong(k, "records/key")).ToList() ?? throw PlanFixError.Missing("records");
        if (keys.Count > MaxPageSize) throw new PlanFixError("0021", $"Не более {MaxPageSize} записей за запрос");
        var records = keys.Select(k => _seed.Records.FirstOrDefault(r => r.HandbookId == handbook.Id && r.Key == k)).OfType<SeedPlanFixRecord>().ToList();
        return PlanFixXml.WriteOkAsync(call.Context, w =>
        {
            w.WriteStartElement("records");
            foreach (var r in records) _write.Record(w, r);
            w.WriteEndElement();
        });
    }

    private Task HandbookAddRecordAsync(Call call)
    {
        var handbook = Handbook(call.Root);
        var parent = OptionalLong(call.Root.Element("parentKey"), "parentKey") ?? 0;
        if (parent != 0 && !_seed.Records.Any(r => r.HandbookId == handbook.Id && r.Key == parent && r.IsGroup))
            throw PlanFixError.BadValue("parentKey", parent);
        var isGroup = call.Root.Element("isGroup")?.Value.Trim() == "1";
        var name = call.Root.Element("name")?.Value.Trim() ?? "";
        if (isGroup && name.Length == 0) throw PlanFixError.Missing("name");
        var values = RecordValues(handbook, [], call.Root.Element("customData"));
        if (!isGroup && values.All(v => v.Value.Length == 0)) throw PlanFixError.Missing("customData");
        var archived = call.Root.Element("archived")?.Value.Trim() == "1";
        var record = _seed.AddRecord(handbook.Id, key => new SeedPlanFixRecord(handbook.Id, key, parent, isGroup, name, archived, isGroup ? [] : values));
        return PlanFixXml.WriteOkAsync(call.Context, w => w.Element("key", record.Key));
    }

    private Task HandbookUpdateRecordAsync(Call call)
    {
        var handbook = Handbook(call.Root);
        var key = RequiredLong(call.Root.Element("key"), "key");
        var current = _seed.Records.FirstOrDefault(r => r.HandbookId == handbook.Id && r.Key == key) ?? throw new PlanFixError("0101", $"Запись {key} не найдена");
        var values = RecordValues(handbook, current.Values, call.Root.Element("customData"));
        _seed.UpdateRecord(handbook.Id, key, r => r with
        {
            Values = r.IsGroup ? r.Values : values,
            Name = call.Root.Element("name")?.Value.Trim() ?? r.Name,
            Archived = call.Root.Element("archived") is { } a ? a.Value.Trim() == "1" : r.Archived,
            ParentKey = OptionalLong(call.Root.Element("parentKey"), "parentKey") ?? r.ParentKey,
        });
        return PlanFixXml.WriteOkAsync(call.Context, w => w.Element("key", key));
    }

    private static SeedPlanFixHandbook Handbook(XElement root)
    {
        var id = RequiredLong(root.Element("handbook")?.Element("id"), "handbook/id");
        return PlanFixCatalogData.Handbooks.FirstOrDefault(h => h.Id == id) ?? throw new PlanFixError("0101", $"Справочник {id} не найден");
    }

    /// <summary>The record's values with <c>customData/customValue{id,value}</c> applied; 0015 for a field not of the handbook or a bad value.</summary>
    private List<(long FieldId, string Value)> RecordValues(SeedPlanFixHandbook handbook, IReadOnlyList<(long FieldId, string Value)> current, XElement? customData)
    {
        var values = handbook.Fields.Select(f => (f.Id, current.FirstOrDefault(v => v.FieldId == f.Id).Value ?? "")).ToList();
        foreach (var cv in customData?.Elements("customValue") ?? [])
        {
            var id = RequiredLong(cv.Element("id"), "customValue/id");
            var field = handbook.Fields.FirstOrDefault(f => f.Id == id) ?? throw new PlanFixError("0015", $"Поле {id} не входит в справочник {handbook.Id}");
            var value = cv.Element("value")?.Value.Trim() ?? "";
            if (value.Length > 0 && field.Type == "NUMBER" && !decimal.TryParse(value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
                throw new PlanFixError("0015", $"Недопустимое значение поля {id}: {value}");
            if (value.Length > 0 && field.Type == "LIST" && !field.List.Contains(value))
                throw new PlanFixError("0015", $"Недопустимое значение поля {id}: {value}");
            values[values.FindIndex(v => v.Item1 == id)] = (id, value);
        }
        return values;
    }
}
