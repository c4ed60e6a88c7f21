using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

// What EnDocs sends and takes, field for field (camelCase out, PascalCase in, as the contract's
// examples show). Models are made from these, so the wire's quirks (ext_ID as text or number, nested
// parties, nulls anywhere) stay here.

internal sealed class DocumentWire
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("docTypeId")] public int? DocTypeId { get; set; }
    [JsonPropertyName("packageID"), JsonConverter(typeof(LooseStringConverter))] public string? PackageId { get; set; }
    [JsonPropertyName("source")] public string? Source { get; set; }
    [JsonPropertyName("docNumber"), JsonConverter(typeof(LooseStringConverter))] public string? DocNumber { get; set; }
    [JsonPropertyName("docDate"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? DocDate { get; set; }
    [JsonPropertyName("amount")] public decimal? Amount { get; set; }
    [JsonPropertyName("amountWOVAT")] public decimal? AmountWoVat { get; set; }
    [JsonPropertyName("amountToPay")] public decimal? AmountToPay { get; set; }
    [JsonPropertyName("vat")] public decimal? Vat { get; set; }
    [JsonPropertyName("currency")] public string? Currency { get; set; }
    [JsonPropertyName("operation"), JsonConverter(typeof(LooseStringConverter))] public string? Operation { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("signed")] public bool? Signed { get; set; }
    [JsonPropertyName("paid")] public bool? Paid { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    [JsonPropertyName("ext_ID"), JsonConverter(typeof(LooseStringConverter))] public string? ExtId { get; set; }
    [JsonPropertyName("contractor")] public PartyWire? Contractor { get; set; }
    [JsonPropertyName("organization")] public PartyWire? Organization { get; set; }
    [JsonPropertyName("contract"), JsonConverter(typeof(LooseStringConverter))] public string? Contract { get; set; }
    [JsonPropertyName("project"), JsonConverter(typeof(LooseStringConverter))] public string? Project { get; set; }
    [JsonPropertyName("employee"), JsonConverter(typeof(LooseStringConverter))] public string? Employee { get; set; }
    [JsonPropertyName("department"), JsonConverter(typeof(LooseStringConverter))] public string? Department { get; set; }
    [JsonPropertyName("tablePart"), JsonConverter(typeof(LooseStringConverter))] public string? TablePart { get; set; }
    [JsonPropertyName("paymentDate"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? PaymentDate { get; set; }
    [JsonPropertyName("paymentNumber"), JsonConverter(typeof(LooseStringConverter))] public string? PaymentNumber { get; set; }
    [JsonPropertyName("ediId"), JsonConverter(typeof(LooseStringConverter))] public string? EdiId { get; set; }
    [JsonPropertyName("ediState"), JsonConverter(typeof(LooseStringConverter))] public string? EdiState { get; set; }
    [JsonPropertyName("ediProvider")] public string? EdiProvider { get; set; }
    [JsonPropertyName("created"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("modified"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? Modified { get; set; }

    // Contracts only.
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type"), JsonConverter(typeof(LooseStringConverter))] public string? Type { get; set; }
    [JsonPropertyName("validityPeriod"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? ValidityPeriod { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }

    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

/// <summary>A contractor or organization as nested in a document; only what the flat model keeps is named, and
/// the rest is skipped unread (collecting it cost ~13 % of a large listing and nothing ever read it).</summary>
internal sealed class PartyWire
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("fullName")] public string? FullName { get; set; }
    [JsonPropertyName("inn"), JsonConverter(typeof(LooseStringConverter))] public string? Inn { get; set; }
    [JsonPropertyName("kpp"), JsonConverter(typeof(LooseStringConverter))] public string? Kpp { get; set; }
    [JsonPropertyName("ext_ID"), JsonConverter(typeof(LooseStringConverter))] public string? ExtId { get; set; }
}

internal sealed class AccountWire
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("inn"), JsonConverter(typeof(LooseStringConverter))] public string? Inn { get; set; }
    [JsonPropertyName("kpp"), JsonConverter(typeof(LooseStringConverter))] public string? Kpp { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("tariff"), JsonConverter(typeof(LooseStringConverter))] public string? Tariff { get; set; }
    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

internal sealed class UserWire
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("position")] public string? Position { get; set; }
    [JsonPropertyName("isActive")] public bool? IsActive { get; set; }
    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

/// <summary>The answer to a created record: only its id matters to the client.</summary>
internal sealed class CreatedWire
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("ext_ID"), JsonConverter(typeof(LooseStringConverter))] public string? ExtId { get; set; }
}

internal sealed class ErrorWire
{
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}

// Request bodies: PascalCase as in the contract's examples; nulls left out.

internal sealed class ContractorBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FullName { get; set; }
    public string? INN { get; set; }
    public string? KPP { get; set; }
    public string? Address { get; set; }
    public string? LawAddress { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Type { get; set; }
}

internal sealed class DepartmentBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentExt_ID { get; set; }
}

internal sealed class EmployeeBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? DepartmentExt_ID { get; set; }
}

internal sealed class ContractBody
{
    public string RequestID { get; set; } = "";
    public string Ext_ID { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DocNumber { get; set; }
    public string? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? ContractorExt_ID { get; set; }
    public string? Type { get; set; }
    public string? ValidityPeriod { get; set; }
    public string? Subject { get; set; }
}

internal sealed class NonFormBody
{
    public string RequestID { get; set; } = "";
    public string? Ext_ID { get; set; }
    public string Name { get; set; } = "";
    public string? DocDate { get; set; }
    public string? Comment { get; set; }
    public List<BinaryBody> Binaries { get; set; } = new();
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
