using System.Collections;
using ApiTools.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PlanFix.Input;

/// <summary>One input item → a handbook record draft: Key (to change one), ParentKey, IsGroup, Name, Archived, and values
/// from -Values, a Values cell (Name=Value;…) or columns named after the handbook's fields.</summary>
public static class PlanFixRecordInput
{
    public static readonly IReadOnlyList<string> RecordFields = new[] { "Key", "ParentKey", "IsGroup", "Name", "Archived", "Values" };

    private static readonly IReadOnlyCollection<string> Standard = RecordFields.Concat(typeof(PlanFixHandbookRecord).GetProperties().Select(p => p.Name)).ToList();

    public static UnknownFields NewRecordUnknownFields(IEnumerable<string> fieldNames) =>
        new(Standard.Concat(fieldNames), "handbook record", RecordFields.Concat(fieldNames).ToList());

    public static PlanFixHandbookRecordDraft ReadRecord(InputFields fields, string label, IReadOnlyCollection<string> fieldNames, bool update = false)
    {
        var draft = new PlanFixHandbookRecordDraft
        {
            Key = update ? PlanFixInputFields.Id(fields, "Key") : null,
            ParentKey = PlanFixInputFields.Id(fields, "ParentKey", zeroClears: true),
            IsGroup = update ? null : fields.Boolean("IsGroup"),
            Name = fields.Text("Name")?.Trim(),
            Archived = fields.Boolean("Archived"),
        };
        switch (fields.Raw("Values"))
        {
            case null: break;
            case PlanFixCustomFields read:
                foreach (var f in read) draft.Values.Add(f.Name ?? f.FieldId.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Value ?? "");
                break;
            case IDictionary map:
                foreach (DictionaryEntry e in map) draft.Values.Add(e.Key?.ToString() ?? "", e.Value);
                break;
            case string cell:
                try
                {
                    foreach (var kv in PlanFixCustomFields.Parse(cell)) draft.Values.Add(kv.Key, kv.Value);
                }
                catch (FormatException bad)
                {
                    fields.AddViolation("Values", bad.Message);
                }
                break;
            case var other:
                fields.AddViolation("Values", $"'{other}' is not Name=Value;Name=Value or a hashtable");
                break;
        }
        var standard = new HashSet<string>(Standard.Select(InputFields.Normalise), StringComparer.OrdinalIgnoreCase);
        foreach (var column in fields.Names)
        {
            var normal = InputFields.Normalise(column);
            if (standard.Contains(normal)) continue;
            var field = fieldNames.FirstOrDefault(n => string.Equals(InputFields.Normalise(n), normal, StringComparison.OrdinalIgnoreCase));
            if (field is null || fields.Raw(column) is not { } value) continue;
            draft.Values.RemoveAll(kv => string.Equals(kv.Key, field, StringComparison.OrdinalIgnoreCase));
            draft.Values.Add(field, value);
        }
        if (update && draft.Key is null && !fields.Violations.Any(v => v.Subject == "Key")) fields.AddViolation("Key", "is required to know which record to change");
        if (!update && draft.IsGroup == true && string.IsNullOrEmpty(draft.Name)) fields.AddViolation("Name", "is required for a group");
        if (!update && draft.IsGroup != true && draft.Values.Count == 0) fields.AddViolation("Values", "are required: at least one field's value");
        return fields.Checked(draft, PlanFixClient.ServiceName, label);
    }
}
