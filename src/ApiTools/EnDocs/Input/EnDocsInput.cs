using System.Globalization;
using ApiTools.Input;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.EnDocs.Input;

/// <summary>
/// One input item (an Import-Csv row, a hashtable, an object) → an EnDocs reference-data draft, checked first: every
/// problem is named by field (PascalCase, as the parameters: ExtId, Name, Inn…; <c>Ext_ID</c> and <c>ext_id</c> columns
/// read as ExtId), and an invalid item is refused before any request. Dates are DateTime values or text as dd.MM.yyyy or
/// yyyy-MM-dd. Documents and contracts: <see cref="EnDocsDocumentInput"/>.
/// </summary>
public static class EnDocsInput
{
    /// <summary>Every field <see cref="ReadContractor"/> reads.</summary>
    public static IReadOnlyList<string> ContractorFields { get; } = new[]
    {
        "ExtId", "Name", "FullName", "Inn", "Kpp", "Type", "Address", "LawAddress", "Contact", "Phone", "Email", "Bank", "Bik", "Bill",
        "Director", "Ogrn", "Code", "Comment", "DiadocId", "Manager", "OrganizationExtId",
    };

    public static IReadOnlyList<string> DepartmentFields { get; } = new[] { "ExtId", "Name", "FullName", "Manager", "Code", "OrganizationExtId" };

    public static IReadOnlyList<string> EmployeeFields { get; } = new[]
    {
        "ExtId", "LastName", "FirstName", "MiddleName", "Email", "MobilePhone", "BirthDate", "Position", "DepartmentExtId", "OrganizationExtId",
    };

    /// <summary>The names a contractor input may carry: its fields, and the columns of a contractor read from a document
    /// (<see cref="EnDocsParty"/>: Id, OrganizationId… are EnDocs' own and not sent).</summary>
    public static UnknownFields NewContractorUnknownFields() =>
        new(ContractorFields.Concat(typeof(EnDocsParty).GetProperties().Select(p => p.Name)), "contractor", ContractorFields);

    public static UnknownFields NewDepartmentUnknownFields() => new(DepartmentFields, "department", DepartmentFields);

    public static UnknownFields NewEmployeeUnknownFields() => new(EmployeeFields, "employee", EmployeeFields);

    public static EnDocsContractor ReadContractor(InputFields fields, string label)
    {
        var draft = new EnDocsContractor
        {
            ExtId = Key(fields), Name = Required(fields, "Name"), FullName = fields.Text("FullName"), Inn = Digits(fields, "Inn", 10, 12),
            Kpp = Digits(fields, "Kpp", 9, 9), Type = fields.Text("Type"), Address = fields.Text("Address"), LawAddress = fields.Text("LawAddress"),
            Contact = fields.Text("Contact"), Phone = fields.Text("Phone"), Email = fields.Text("Email"), Bank = fields.Text("Bank"),
            Bik = Trimmed(fields, "Bik"), Bill = Trimmed(fields, "Bill"), Director = fields.Text("Director"), Ogrn = Trimmed(fields, "Ogrn"),
            Code = fields.Text("Code"), Comment = fields.Text("Comment"), DiadocId = Trimmed(fields, "DiadocId"), Manager = Trimmed(fields, "Manager"),
            OrganizationExtId = Trimmed(fields, "OrganizationExtId"),
        };
        return Checked(fields, label, draft);
    }

    public static EnDocsDepartment ReadDepartment(InputFields fields, string label) =>
        Checked(fields, label, new EnDocsDepartment
        {
            ExtId = Key(fields), Name = Required(fields, "Name"), FullName = fields.Text("FullName"), Manager = Trimmed(fields, "Manager"),
            Code = fields.Text("Code"), OrganizationExtId = Trimmed(fields, "OrganizationExtId"),
        });

    /// <summary>An employee: LastName, FirstName and MiddleName are required, as EnDocs' page marks them; ExtId is optional there.</summary>
    public static EnDocsEmployee ReadEmployee(InputFields fields, string label) =>
        Checked(fields, label, new EnDocsEmployee
        {
            ExtId = Trimmed(fields, "ExtId"), LastName = Required(fields, "LastName"), FirstName = Required(fields, "FirstName"),
            MiddleName = Required(fields, "MiddleName"), Email = Trimmed(fields, "Email"), MobilePhone = fields.Text("MobilePhone"),
            BirthDate = Date(fields, "BirthDate"), Position = fields.Text("Position"), DepartmentExtId = Trimmed(fields, "DepartmentExtId"),
            OrganizationExtId = Trimmed(fields, "OrganizationExtId"),
        });

    /// <summary>A date from a DateTime, a DateTimeOffset, or text as dd.MM.yyyy, yyyy-MM-dd or as Export-Csv wrote a date
    /// (invariant, or in the session's culture).</summary>
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
                if (DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out var local)) return local.Date;
                break;
        }
        fields.AddViolation(field, $"'{raw}' is not a date: write dd.MM.yyyy or yyyy-MM-dd");
        return null;
    }

    /// <summary>The ExtId, required: EnDocs keys reference data, contracts and documents by it.</summary>
    internal static string Key(InputFields fields)
    {
        var key = fields.Text("ExtId")?.Trim() ?? "";
        if (key.Length == 0) fields.AddViolation("ExtId", "is required: EnDocs keys reference data by Ext_ID");
        return key;
    }

    internal static string Required(InputFields fields, string field)
    {
        var text = fields.Text(field)?.Trim() ?? "";
        if (text.Length == 0) fields.AddViolation(field, "is required");
        return text;
    }

    internal static string? Trimmed(InputFields fields, string field) => fields.Text(field)?.Trim() is { Length: > 0 } t ? t : null;

    private static string? Digits(InputFields fields, string field, int min, int max)
    {
        var text = fields.Text(field)?.Trim();
        if (text is null) return null;
        if (!text.All(char.IsDigit) || (text.Length != min && text.Length != max))
            fields.AddViolation(field, min == max ? $"'{text}' is not {min} digits" : $"'{text}' is not {min} or {max} digits");
        return text;
    }

    internal static T Checked<T>(InputFields fields, string label, T draft) => fields.Checked(draft, EnDocsClient.ServiceName, label);
}
