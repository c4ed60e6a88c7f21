using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

// What EnDocs sends, field for field (camelCase). Models are made from these, so the wire's quirks (ext_ID as text or
// number, nested parties, nulls anywhere, the table part as JSON text) stay here. Every type keeps what it does not
// name in Extra, and TolerantReader keeps there what does not read as its property's type. Fields that may well come
// as numbers (ids, numbers, INN, KPP, accounts) read through LooseStringConverter; the rest with the built-in string
// reader, which is faster on a long listing: a number in one of them is turned into text by TolerantReader instead.

internal sealed class DocumentWire : IKeepsExtra
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
    [JsonPropertyName("operation")] public string? Operation { get; set; }
    [JsonPropertyName("state")] public string? State { get; set; }
    [JsonPropertyName("signed"), JsonConverter(typeof(LooseBoolConverter))] public bool? Signed { get; set; }
    [JsonPropertyName("paid"), JsonConverter(typeof(LooseBoolConverter))] public bool? Paid { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }
    [JsonPropertyName("ext_ID"), JsonConverter(typeof(LooseStringConverter))] public string? ExtId { get; set; }
    [JsonPropertyName("contractor")] public PartyWire? Contractor { get; set; }
    [JsonPropertyName("organization")] public PartyWire? Organization { get; set; }

    // A name as text, or the whole object (the backend sends the contract entity): the model keeps both.
    [JsonPropertyName("contract"), JsonConverter(typeof(NamedValueConverter))] public NamedValue? Contract { get; set; }
    [JsonPropertyName("project"), JsonConverter(typeof(NamedValueConverter))] public NamedValue? Project { get; set; }
    [JsonPropertyName("employee"), JsonConverter(typeof(NamedValueConverter))] public NamedValue? Employee { get; set; }
    [JsonPropertyName("department"), JsonConverter(typeof(NamedValueConverter))] public NamedValue? Department { get; set; }

    // JSON text as EnDocs sends it (an array is taken too).
    [JsonPropertyName("tablePart"), JsonConverter(typeof(NamedValueConverter))] public NamedValue? TablePart { get; set; }

    [JsonPropertyName("paymentDate"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? PaymentDate { get; set; }
    [JsonPropertyName("paymentNumber"), JsonConverter(typeof(LooseStringConverter))] public string? PaymentNumber { get; set; }
    [JsonPropertyName("docNumInvoice"), JsonConverter(typeof(LooseStringConverter))] public string? DocNumInvoice { get; set; }
    [JsonPropertyName("docDateInvoice"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? DocDateInvoice { get; set; }
    [JsonPropertyName("docNumTaxInvoice"), JsonConverter(typeof(LooseStringConverter))] public string? DocNumTaxInvoice { get; set; }
    [JsonPropertyName("docDateTaxInvoice"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? DocDateTaxInvoice { get; set; }
    [JsonPropertyName("ediId"), JsonConverter(typeof(LooseStringConverter))] public string? EdiId { get; set; }
    [JsonPropertyName("ediState")] public string? EdiState { get; set; }
    [JsonPropertyName("ediProvider")] public string? EdiProvider { get; set; }
    [JsonPropertyName("created"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("createdBy")] public string? CreatedBy { get; set; }
    [JsonPropertyName("modified"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? Modified { get; set; }
    [JsonPropertyName("modifiedBy")] public string? ModifiedBy { get; set; }

    // Contracts.
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("validityPeriod"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? ValidityPeriod { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }

    // Non-form rows (one per file).
    [JsonPropertyName("fileName")] public string? FileName { get; set; }
    [JsonPropertyName("fileSize")] public long? FileSize { get; set; }
    [JsonPropertyName("sender")] public string? Sender { get; set; }

    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

/// <summary>A contractor or organization as nested in a document: the full entity.</summary>
internal sealed class PartyWire
{
    [JsonPropertyName("id")] public long? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("fullName")] public string? FullName { get; set; }
    [JsonPropertyName("inn"), JsonConverter(typeof(LooseStringConverter))] public string? Inn { get; set; }
    [JsonPropertyName("kpp"), JsonConverter(typeof(LooseStringConverter))] public string? Kpp { get; set; }
    [JsonPropertyName("ext_ID"), JsonConverter(typeof(LooseStringConverter))] public string? ExtId { get; set; }
    [JsonPropertyName("organizationId")] public long? OrganizationId { get; set; }
    [JsonPropertyName("diadocID"), JsonConverter(typeof(LooseStringConverter))] public string? DiadocId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("address")] public string? Address { get; set; }
    [JsonPropertyName("lawAddress")] public string? LawAddress { get; set; }
    [JsonPropertyName("contact")] public string? Contact { get; set; }
    [JsonPropertyName("phone"), JsonConverter(typeof(LooseStringConverter))] public string? Phone { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("bank")] public string? Bank { get; set; }
    [JsonPropertyName("bik"), JsonConverter(typeof(LooseStringConverter))] public string? Bik { get; set; }
    [JsonPropertyName("bill"), JsonConverter(typeof(LooseStringConverter))] public string? Bill { get; set; }
    [JsonPropertyName("director")] public string? Director { get; set; }
    [JsonPropertyName("ogrn"), JsonConverter(typeof(LooseStringConverter))] public string? Ogrn { get; set; }
    [JsonPropertyName("manager")] public string? Manager { get; set; }
    [JsonPropertyName("code"), JsonConverter(typeof(LooseStringConverter))] public string? Code { get; set; }
    [JsonPropertyName("workKind")] public string? WorkKind { get; set; }
    [JsonPropertyName("clientId")] public long? ClientId { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("comment")] public string? Comment { get; set; }

    // Navigation properties of the backend's entity, null in every example: named so that a null costs nothing;
    // a value, should one come, goes to Extra.
    [JsonPropertyName("organization")] public JsonElement? Organization { get; set; }
    [JsonPropertyName("client")] public JsonElement? Client { get; set; }

    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

internal sealed class AccountWire : IKeepsExtra
{
    [JsonPropertyName("id")] public long Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("legalName")] public string? LegalName { get; set; }
    [JsonPropertyName("inn"), JsonConverter(typeof(LooseStringConverter))] public string? Inn { get; set; }
    [JsonPropertyName("kpp"), JsonConverter(typeof(LooseStringConverter))] public string? Kpp { get; set; }
    [JsonPropertyName("bik"), JsonConverter(typeof(LooseStringConverter))] public string? Bik { get; set; }
    [JsonPropertyName("billTo")] public string? BillTo { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("phone"), JsonConverter(typeof(LooseStringConverter))] public string? Phone { get; set; }
    [JsonPropertyName("blocked"), JsonConverter(typeof(LooseBoolConverter))] public bool? Blocked { get; set; }
    [JsonPropertyName("blockDate"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? BlockDate { get; set; }
    [JsonPropertyName("tariffId")] public long? TariffId { get; set; }
    [JsonPropertyName("usersQuota")] public long? UsersQuota { get; set; }
    [JsonPropertyName("usersUsed")] public long? UsersUsed { get; set; }
    [JsonPropertyName("storageQuota")] public decimal? StorageQuota { get; set; }
    [JsonPropertyName("storageUsed")] public decimal? StorageUsed { get; set; }
    [JsonPropertyName("ocrQuota")] public long? OcrQuota { get; set; }
    [JsonPropertyName("ocrUsed")] public long? OcrUsed { get; set; }
    [JsonPropertyName("created"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? Created { get; set; }
    [JsonPropertyName("lastLogin"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? LastLogin { get; set; }

    // The account's own API token (null on the servers seen): named here so that it never reaches Extra or any output.
    [JsonPropertyName("token")] public JsonElement? Token { get; set; }

    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

internal sealed class UserWire : IKeepsExtra
{
    [JsonPropertyName("id"), JsonConverter(typeof(LooseStringConverter))] public string? Id { get; set; }
    [JsonPropertyName("email")] public string? Email { get; set; }
    [JsonPropertyName("userName")] public string? UserName { get; set; }
    [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
    [JsonPropertyName("position")] public string? Position { get; set; }
    [JsonPropertyName("phone"), JsonConverter(typeof(LooseStringConverter))] public string? Phone { get; set; }
    [JsonPropertyName("extPhone"), JsonConverter(typeof(LooseStringConverter))] public string? ExtPhone { get; set; }
    [JsonPropertyName("blocked"), JsonConverter(typeof(LooseBoolConverter))] public bool? Blocked { get; set; }
    [JsonPropertyName("clientAdmin"), JsonConverter(typeof(LooseBoolConverter))] public bool? ClientAdmin { get; set; }
    [JsonPropertyName("enDocsAdmin"), JsonConverter(typeof(LooseBoolConverter))] public bool? EnDocsAdmin { get; set; }
    [JsonPropertyName("hr"), JsonConverter(typeof(LooseBoolConverter))] public bool? Hr { get; set; }
    [JsonPropertyName("demo"), JsonConverter(typeof(LooseBoolConverter))] public bool? Demo { get; set; }
    [JsonPropertyName("enableOffice"), JsonConverter(typeof(LooseBoolConverter))] public bool? EnableOffice { get; set; }
    [JsonPropertyName("clientId")] public long? ClientId { get; set; }
    [JsonPropertyName("lastLogin"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? LastLogin { get; set; }
    [JsonPropertyName("lastLoginMobile"), JsonConverter(typeof(LooseDateConverter))] public DateTimeOffset? LastLoginMobile { get; set; }
    [JsonPropertyName("osType")] public string? OsType { get; set; }
    [JsonExtensionData] public ExtraFields? Extra { get; set; }
}

internal sealed class ErrorWire
{
    [JsonPropertyName("error")] public string? Error { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
}
