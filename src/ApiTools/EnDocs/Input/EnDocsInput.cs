using System.Globalization;
using ApiTools.Input;
using ApiTools.EnDocs.Requests;

namespace ApiTools.EnDocs.Input;

/// <summary>
/// One input item (an Import-Csv row, a hashtable, an object) → an EnDocs draft, checked first: every
/// problem is named by field (PascalCase, as the parameters: ExtId, Name, DocDate…; <c>Ext_ID</c> and
/// <c>ext_id</c> columns read as ExtId), and an invalid item is refused before any request.
/// Dates are DateTime values or text as dd.MM.yyyy or yyyy-MM-dd.
/// </summary>
public static class EnDocsInput
{
    public static EnDocsContractor ReadContractor(InputFields fields, string label)
    {
        var draft = new EnDocsContractor
        {
            ExtId = Key(fields), Name = Name(fields), FullName = fields.Text("FullName"), Inn = Digits(fields, "Inn", 10, 12),
            Kpp = Digits(fields, "Kpp", 9, 9), Address = fields.Text("Address"), LawAddress = fields.Text("LawAddress"),
            Phone = fields.Text("Phone"), Email = fields.Text("Email"), Type = fields.Text("Type"),
        };
        return Checked(fields, label, draft);
    }

    public static EnDocsDepartment ReadDepartment(InputFields fields, string label) =>
        Checked(fields, label, new EnDocsDepartment { ExtId = Key(fields), Name = Name(fields), ParentExtId = fields.Text("ParentExtId")?.Trim() });

    public static EnDocsEmployee ReadEmployee(InputFields fields, string label) =>
        Checked(fields, label, new EnDocsEmployee
        {
            ExtId = Key(fields), Name = Name(fields), Position = fields.Text("Position"), Email = fields.Text("Email"),
            DepartmentExtId = fields.Text("DepartmentExtId")?.Trim(),
        });

    public static EnDocsContractDraft ReadContract(InputFields fields, string label)
    {
        var draft = new EnDocsContractDraft
        {
            ExtId = Key(fields), Name = Name(fields), DocNumber = fields.Text("DocNumber"), DocDate = Date(fields, "DocDate"),
            Amount = fields.Decimal("Amount"), Currency = fields.Text("Currency")?.Trim(), ContractorExtId = fields.Text("ContractorExtId")?.Trim(),
            Type = fields.Text("Type"), ValidityPeriod = Date(fields, "ValidityPeriod"), Subject = fields.Text("Subject"),
        };
        if (draft.Amount < 0) fields.AddViolation("Amount", $"{draft.Amount} is negative");
        return Checked(fields, label, draft);
    }

    /// <summary>A date from a DateTime, a DateTimeOffset, or text as dd.MM.yyyy or yyyy-MM-dd (what Export-Csv and people write).</summary>
    public static DateTime? Date(InputFields fields, string field)
    {
        var raw = fields.Raw(field);
        switch (raw)
        {
            case null: return null;
            case DateTime d: return d.Date;
            case DateTimeOffset o: return o.Date;
            case string s:
                var text = s.Trim();
                if (DateTime.TryParseExact(text, new[] { "dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var stamp)) return stamp.Date;
                break;
        }
        fields.AddViolation(field, $"'{raw}' is not a date: write dd.MM.yyyy or yyyy-MM-dd");
        return null;
    }

    private static string Key(InputFields fields)
    {
        var key = fields.Text("ExtId")?.Trim() ?? "";
        if (key.Length == 0) fields.AddViolation("ExtId", "is required: EnDocs keys reference data by Ext_ID");
        return key;
    }

    private static string Name(InputFields fields)
    {
        var name = fields.Text("Name")?.Trim() ?? "";
        if (name.Length == 0) fields.AddViolation("Name", "is required");
        return name;
    }

    private static string? Digits(InputFields fields, string field, int min, int max)
    {
        var text = fields.Text(field)?.Trim();
        if (text is null) return null;
        if (!text.All(char.IsDigit) || (text.Length != min && text.Length != max))
            fields.AddViolation(field, min == max ? $"'{text}' is not {min} digits" : $"'{text}' is not {min} or {max} digits");
        return text;
    }

    private static T Checked<T>(InputFields fields, string label, T draft) => fields.Checked(draft, EnDocsClient.ServiceName, label);
}
