namespace ApiTools.Emulator;

// The EnDocs objects as the emulator serves them: one property per wire field (camelCase on the wire,
// PascalCase here; "ext_ID" is ExtId, "amountWOVAT" AmountWithoutVat). Null properties go out as JSON null.

/// <summary>Which list a document belongs to (and so its <c>docTypeId</c>).</summary>
public enum EnDocsDocumentKind
{
    /// <summary>Договор (docTypeId 4): GetNewContracts.</summary>
    Contract,

    /// <summary>Счет входящий (docTypeId 14): GetNewInvoices.</summary>
    Invoice,

    /// <summary>Поступление (docTypeId 1): GetNewInputs.</summary>
    Input,

    /// <summary>Необработанные (docTypeId 16): GetNonFormDoc.</summary>
    NonForm,
}

/// <summary>A document (EnDocs' <c>Metadata</c>); contracts fill <see cref="Name"/>, <see cref="ContractType"/>,
/// <see cref="ValidityPeriod"/> and <see cref="Subject"/>; non-form documents fill <see cref="Name"/> (inferred).</summary>
public sealed record SeedEnDocsDocument(
    long Id,
    EnDocsDocumentKind Kind,
    int DocTypeId,
    string DocNumber,
    DateTimeOffset DocDate,
    DateTimeOffset Created,
    DateTimeOffset Modified)
{
    public long? PackageId { get; init; }
    public string? Source { get; init; }
    public decimal? Amount { get; init; }
    public decimal? AmountWithoutVat { get; init; }
    public decimal? AmountToPay { get; init; }
    public decimal? Vat { get; init; }
    public string? Currency { get; init; } = "RUB";
    public string? Operation { get; init; }
    public string State { get; init; } = "Новый";
    public bool? Signed { get; init; }
    public bool? Paid { get; init; }
    public string? Comment { get; init; }

    /// <summary>The 1C id; null or "" when the document was not imported (only those are listed).</summary>
    public string? ExtId { get; init; }

    /// <summary>Id of the contractor (see <see cref="EnDocsSeed.Contractors"/>), sent as the nested <c>contractor</c> object.</summary>
    public long? ContractorId { get; init; }

    /// <summary>Id of the organisation (see <see cref="EnDocsSeed.Organizations"/>), sent as <c>organization</c>.</summary>
    public long? OrganizationId { get; init; }

    public string? Contract { get; init; }
    public string? Project { get; init; }
    public string? Employee { get; init; }
    public string? Department { get; init; }

    /// <summary>The table part, itself a JSON text (a string on the wire).</summary>
    public string? TablePart { get; init; }

    public DateTimeOffset? PaymentDate { get; init; }
    public string? PaymentNumber { get; init; }
    public string? EdiId { get; init; }
    public string? EdiState { get; init; }
    public string? EdiProvider { get; init; }

    public string? Name { get; init; }

    /// <summary>Contract <c>type</c>: "С поставщиком" or "С покупателем".</summary>
    public string? ContractType { get; init; }

    public DateTimeOffset? ValidityPeriod { get; init; }
    public string? Subject { get; init; }

    /// <summary>True when <see cref="ExtId"/> is non-empty: the lists leave such a document out.</summary>
    public bool HasExtId => !string.IsNullOrEmpty(ExtId);
}

/// <summary>A contractor (counterparty), keyed by <see cref="ExtId"/> for writes; seeded ones may have no ext_ID.</summary>
public sealed record SeedEnDocsContractor(long Id, string Name)
{
    public string? FullName { get; init; }
    public string? Inn { get; init; }
    public string? Kpp { get; init; }
    public string? ExtId { get; init; }
    public string? DiadocId { get; init; }
    public string? Type { get; init; } = "ЮрЛицо";
    public string? Address { get; init; }
    public string? LawAddress { get; init; }
    public string? Contact { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Bank { get; init; }
    public string? Bik { get; init; }
    public string? Bill { get; init; }
    public string? Director { get; init; }
    public string? Ogrn { get; init; }
    public string? Code { get; init; }
    public string? Comment { get; init; }
}

/// <summary>One of the account's own organisations (a document's <c>organization</c>).</summary>
public sealed record SeedEnDocsOrganization(long Id, string Name, string Inn, string Kpp, string? ExtId);

/// <summary>A department (written by AddOrUpdateDepartment; not readable over the wire).</summary>
public sealed record SeedEnDocsDepartment(long Id, string ExtId, string Name, string? ParentExtId);

/// <summary>An employee (written by AddOrUpdateEmployee; not readable over the wire).</summary>
public sealed record SeedEnDocsEmployee(long Id, string ExtId, string Name)
{
    public string? Position { get; init; }
    public string? Email { get; init; }
    public string? DepartmentExtId { get; init; }
}

/// <summary>A user of the account (GET /Output/GetClientUsers; inferred shape).</summary>
public sealed record SeedEnDocsUser(long Id, string Name, string Email, string Position, bool IsActive);

/// <summary>The account the tokens belong to (GET /Output/GetClientInfo; inferred shape).</summary>
public sealed record SeedEnDocsAccount(long Id, string Name, string Inn, string Kpp, string Email, string Tariff);

/// <summary>One file of a document, as the file endpoints send it (<c>fileName</c>, <c>fileBase64</c>).</summary>
public sealed record SeedEnDocsFile(string FileName, byte[] Content);

/// <summary>A DocApproval that was applied.</summary>
public sealed record SeedEnDocsApproval(long NonFormId, bool Approved, string? Approver, string? Comment, DateTimeOffset At);
