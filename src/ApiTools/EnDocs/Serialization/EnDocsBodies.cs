using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

// Request bodies, key for key as EnDocs' help pages spell them (Ext_ID, INN, the employee page's lower-case birthdate,
// email and department.ext_id, the department page's manager) and otherwise as the backend's properties: on an update
// the backend applies only keys spelled exactly so. Nulls are left out. Ext_ID and the table part always go as text.

internal sealed class ContractorBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string? FullName { get; set; }
    public string Name { get; set; } = "";
    public string? INN { get; set; }
    public string? KPP { get; set; }
    public string? DiadocID { get; set; }
    public string? Address { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    public string? Type { get; set; }
    public string? LawAddress { get; set; }
    public string? Email { get; set; }
    public string? Bank { get; set; }
    public string? BIK { get; set; }
    public string? Bill { get; set; }
    public string? Director { get; set; }
    public string? OGRN { get; set; }
    public string? Code { get; set; }
    public string? Comment { get; set; }
    public string? Manager { get; set; }
    public PartyBody? Organization { get; set; }
}

internal sealed class DepartmentBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string? FullName { get; set; }
    public string Name { get; set; } = "";
    [JsonPropertyName("manager")] public string? Manager { get; set; }
    public string? Code { get; set; }
    public PartyBody? Organization { get; set; }
}

internal sealed class EmployeeBody
{
    public string RequestID { get; set; } = "";
    [JsonPropertyName("birthdate")] public string? BirthDate { get; set; }
    [JsonPropertyName("department")] public DepartmentRefBody? Department { get; set; }
    public string? Ext_ID { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string MiddleName { get; set; } = "";
    public string? MobilePhone { get; set; }
    public string? Position { get; set; }
    public PartyBody? Organization { get; set; }
}

/// <summary>An organization, contractor or contract named by its Ext_ID, as the help pages show the objects.</summary>
internal sealed class PartyBody
{
    public string Ext_ID { get; set; } = "";
}

/// <summary>The employee page's department object: its key is lower-case there.</summary>
internal sealed class DepartmentRefBody
{
    [JsonPropertyName("ext_id")] public string ExtId { get; set; } = "";
}

internal sealed class ContractBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string? DocDate { get; set; }
    public string? DocNumber { get; set; }
    public string Name { get; set; } = "";
    public PartyBody? Contractor { get; set; }
    public PartyBody? Organization { get; set; }
    public string? Type { get; set; }
    public string? ValidityPeriod { get; set; }
    public decimal? Amount { get; set; }
    public decimal? AmountWOVAT { get; set; }
    public decimal? VAT { get; set; }
    public string? Currency { get; set; }
    public string? Comment { get; set; }
    public string? Subject { get; set; }
    public string? State { get; set; }
    public long? NonFormID { get; set; }
    public long? ContractID { get; set; }

    // Always sent (maybe empty): EnDocs needs the list when it creates a contract.
    public List<BinaryBody> Binaries { get; set; } = new();
}

internal sealed class DocumentBody
{
    public string RequestID { get; set; } = "";
    public string? Ext_ID { get; set; }
    public long? MetaID { get; set; }
    public long? NonFormID { get; set; }
    public int DocTypeId { get; set; }
    public string? Source { get; set; }
    public PartyBody? Organization { get; set; }
    public PartyBody? Contractor { get; set; }
    public PartyBody? Contract { get; set; }
    public string? DocNumber { get; set; }
    public string? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public decimal? AmountWOVAT { get; set; }
    public decimal? AmountToPay { get; set; }
    public decimal? VAT { get; set; }
    public string? Currency { get; set; }
    public string? DocNumInvoice { get; set; }
    public string? DocDateInvoice { get; set; }
    public string? DocNumTaxInvoice { get; set; }
    public string? DocDateTaxInvoice { get; set; }
    public string? Operation { get; set; }
    public string? Comment { get; set; }
    public string? State { get; set; }
    public bool? Signed { get; set; }
    public bool? Paid { get; set; }
    public string? PaymentDate { get; set; }
    public string? PaymentNumber { get; set; }
    public string? NotifyUser { get; set; }
    public string? TablePart { get; set; }
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }
    public string? Reciever { get; set; }
    public string? Address { get; set; }
    public string? Delivery { get; set; }
    public string? Contact { get; set; }
    public string? PackageID { get; set; }
    public int? DocKindId { get; set; }
    public string? EDIId { get; set; }
    public string? EDIState { get; set; }
    public string? EDIProvider { get; set; }

    // Always sent (maybe empty): EnDocs needs the list when it creates a document.
    public List<BinaryBody> Binaries { get; set; } = new();
}

internal sealed class NonFormBody
{
    public string RequestID { get; set; } = "";
    public List<BinaryBody> Binaries { get; set; } = new();
    public string? Sender { get; set; }
    public long? OrganizationId { get; set; }
    public string? Comment { get; set; }
    public int? DocTypeId { get; set; }
    public string? DocDate { get; set; }
    public long? ContractorId { get; set; }
    public decimal? Amount { get; set; }
}

internal sealed class BinaryBody
{
    public string FileName { get; set; } = "";
    public string FileBase64 { get; set; } = "";
}

internal sealed class ApprovalBody
{
    public string RequestID { get; set; } = "";
    public long NonFormID { get; set; }
    public bool Approved { get; set; }
    public string? Approver { get; set; }
    public string? Comment { get; set; }
}
