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
        PlanFixInputFields.Pairs(fields, "Values", draft.Values.Add);
        PlanFixInputFields.Columns(fields, fieldNames, Standard, (field, value) =>
        {
            draft.Values.RemoveAll(kv => string.Equals(kv.Key, field, StringComparison.OrdinalIgnoreCase));
            draft.Values.Add(field, value);
        });
        if (update && draft.Key is null && !fields.Violations.Any(v => v.Subject == "Key")) fields.AddViolation("Key", "is required to know which record to change");
        if (!update && draft.IsGroup == true && string.IsNullOrEmpty(draft.Name)) fields.AddViolation("Name", "is required for a group");
        if (!update && draft.IsGroup != true && draft.Values.Count == 0) fields.AddViolation("Values", "are required: at least one field's value");
        return fields.Checked(draft, PlanFixClient.ServiceName, label);
    }
}
