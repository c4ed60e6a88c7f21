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

    /// <summary>A document of any other type (written by AddOrUpdateExtDoc or LocalDoc): in no list, its files still served.</summary>
    Other,
}

/// <summary>A document (EnDocs' <c>Metadata</c>, a <c>Contract</c> or a non-form document); contracts fill <see cref="Name"/>,
/// <see cref="ContractType"/>, <see cref="ValidityPeriod"/> and <see cref="Subject"/>. A non-form document has no name of
/// its own: the lists show its file's name.</summary>
public sealed record SeedEnDocsDocument(
    long Id,
    EnDocsDocumentKind Kind,
    int DocTypeId,
    string DocNumber,
    DateTimeOffset DocDate,
    DateTimeOffset Created,
    DateTimeOffset Modified)
{
    public string? PackageId { get; init; }
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

    /// <summary>The table part, itself a JSON text (a string on the wire), stored as sent.</summary>
    public string? TablePart { get; init; }

    public string? DocNumInvoice { get; init; }
    public DateTimeOffset? DocDateInvoice { get; init; }
    public string? DocNumTaxInvoice { get; init; }
    public DateTimeOffset? DocDateTaxInvoice { get; init; }
    public string CreatedBy { get; init; } = "ExternalSystem";
    public string ModifiedBy { get; init; } = "ExternalSystem";

    /// <summary>Who sent a non-form document (the upload's Sender).</summary>
    public string? Sender { get; init; }

    // Correspondence and notification fields of structured documents (kept as written, shown in a create's answer).
    public string? NotifyUser { get; init; }
    public DateTimeOffset? PeriodFrom { get; init; }
    public DateTimeOffset? PeriodTo { get; init; }
    public string? Reciever { get; init; }
    public string? Address { get; init; }
    public string? Delivery { get; init; }
    public string? Contact { get; init; }

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

/// <summary>A contractor (counterparty), keyed by <see cref="ExtId"/> for writes; seeded ones may have no ext_ID. EnDocs
/// keeps contractors per organization (<see cref="OrganizationId"/>).</summary>
public sealed record SeedEnDocsContractor(long Id, string Name)
{
    public long OrganizationId { get; init; } = 1;
    public string? Manager { get; init; }
    public string? WorkKind { get; init; }
    public string? Url { get; init; }
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

/// <summary>One of the account's own organisations (a document's <c>organization</c>); written ones come from the
/// <c>Organization</c> objects of writes (found by Ext_ID, else INN+KPP, else made).</summary>
public sealed record SeedEnDocsOrganization(long Id, string Name, string? Inn, string? Kpp, string? ExtId)
{
    public string? FullName { get; init; }
    public string? LawAddress { get; init; }
    public string? Address { get; init; }
    public string? Bill { get; init; }
    public string? Bank { get; init; }
    public string? Bik { get; init; }
    public string? Email { get; init; }
    public string? Director { get; init; }
    public string? Ogrn { get; init; }
}

/// <summary>A department (AddOrUpdateDepartment; not readable over the wire, so tests read it here).</summary>
public sealed record SeedEnDocsDepartment(long Id, string ExtId, string Name)
{
    public string? FullName { get; init; }

    /// <summary>The head's e-mail (the help page's lower-case <c>manager</c>).</summary>
    public string? Manager { get; init; }

    public string? Code { get; init; }
    public long? OrganizationId { get; init; }
}

/// <summary>An employee (AddOrUpdateEmployee; not readable over the wire). Keyed by Ext_ID, else by e-mail.</summary>
public sealed record SeedEnDocsEmployee(long Id, string? ExtId, string LastName, string FirstName, string MiddleName)
{
    public string Name => $"{LastName} {FirstName} {MiddleName}";
    public string? Email { get; init; }
    public string? MobilePhone { get; init; }
    public DateTimeOffset? BirthDate { get; init; }
    public string? Position { get; init; }
    public string? DepartmentExtId { get; init; }
    public long? OrganizationId { get; init; }
}

/// <summary>A user of the account (GET /Output/GetClientUsers, in the help page's shape): the id is GUID-like text.</summary>
public sealed record SeedEnDocsUser(string Id, string DisplayName, string Email, string Position, bool Blocked)
{
    public bool ClientAdmin { get; init; }
    public bool Hr { get; init; }
    public string? Phone { get; init; }
    public DateTimeOffset? LastLogin { get; init; }
}

/// <summary>The account the tokens belong to (GET /Output/GetClientInfo, the backend's client object).</summary>
public sealed record SeedEnDocsAccount(long Id, string Name, string Inn, string Kpp, string Email)
{
    public int UsersQuota { get; init; } = 10;
    public double StorageQuotaGb { get; init; } = 10;
    public double StorageUsedMb { get; init; } = 512.5;
    public long TariffId { get; init; } = 2;
    public bool Blocked { get; init; }
}

/// <summary>One file of a document, as the file endpoints send it (<c>fileName</c>, <c>fileBase64</c>).</summary>
public sealed record SeedEnDocsFile(string FileName, byte[] Content);

/// <summary>A DocApproval that was applied.</summary>
public sealed record SeedEnDocsApproval(long NonFormId, bool Approved, string? Approver, string? Comment, DateTimeOffset At);
