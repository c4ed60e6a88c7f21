namespace ApiTools.EnDocs.Models;

/// <summary>
/// A document from one of EnDocs' "everything after id" lists. The contractor and organization come whole
/// (<see cref="Contractor"/>, <see cref="Organization"/>) and, for Export-Csv, as flat Contractor*/Organization*
/// columns. <see cref="Type"/> says which list it came from, so <c>Save-EnDocsFile</c> can pick the right file kind.
/// </summary>
public class EnDocsDocument
{
    public long Id { get; set; }

    /// <summary>The list it came from (Contract, Invoice, Input, NonForm).</summary>
    public EnDocsDocumentType Type { get; set; }

    /// <summary>EnDocs' document type: 1 Поступление, 4 Договор, 14 Счет входящий, 16 Необработанные, …</summary>
    public int? DocTypeId { get; set; }

    public string? PackageId { get; set; }

    /// <summary>Входящий or Исходящий.</summary>
    public string? Source { get; set; }

    public string? DocNumber { get; set; }

    /// <summary>The document's title, where it has one: a contract's name; for a non-form document, its file's name
    /// (EnDocs keeps no other name for one).</summary>
    public string? Name { get; set; }

    /// <summary>A non-form document's file name (one row of GetNonFormDoc is one file).</summary>
    public string? FileName { get; set; }

    /// <summary>A non-form document's file size in bytes.</summary>
    public long? FileSize { get; set; }

    /// <summary>Who sent a non-form document (an e-mail or a name).</summary>
    public string? Sender { get; set; }

    public DateTimeOffset? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public decimal? AmountWithoutVat { get; set; }
    public decimal? AmountToPay { get; set; }
    public decimal? Vat { get; set; }
    public string? Currency { get; set; }
    public string? Operation { get; set; }

    /// <summary>Новый, В процессе, Согласовано, Исполнено, Ознакомлено, Подписано, Прервано.</summary>
    public string? State { get; set; }

    public bool? Signed { get; set; }
    public bool? Paid { get; set; }
    public string? Comment { get; set; }

    /// <summary>The id in 1C (the server sends a string or a number; always text here).</summary>
    public string? ExtId { get; set; }

    /// <summary>The contractor, every field EnDocs sent (pipe it to Set-EnDocsContractor).</summary>
    public EnDocsParty? Contractor { get; set; }

    /// <summary>The account's own organization the document belongs to.</summary>
    public EnDocsParty? Organization { get; set; }

    public long? ContractorId { get; set; }
    public string? ContractorName { get; set; }
    public string? ContractorFullName { get; set; }
    public string? ContractorInn { get; set; }
    public string? ContractorKpp { get; set; }
    public string? ContractorExtId { get; set; }
    public long? OrganizationId { get; set; }
    public string? OrganizationName { get; set; }
    public string? OrganizationInn { get; set; }
    public string? OrganizationKpp { get; set; }
    public string? OrganizationExtId { get; set; }

    /// <summary>The basis contract's name (EnDocs may send the whole contract: then it is kept in Extra['contract'] too).</summary>
    public string? Contract { get; set; }

    public string? Project { get; set; }
    public string? Employee { get; set; }
    public string? Department { get; set; }

    /// <summary>The lines of the document, typed (EnDocs sends them as JSON text; this prints as that text).</summary>
    public EnDocsTablePart? TablePart { get; set; }

    public string? DocNumInvoice { get; set; }
    public DateTimeOffset? DocDateInvoice { get; set; }
    public string? DocNumTaxInvoice { get; set; }
    public DateTimeOffset? DocDateTaxInvoice { get; set; }

    public DateTimeOffset? PaymentDate { get; set; }
    public string? PaymentNumber { get; set; }
    public string? EdiId { get; set; }
    public string? EdiState { get; set; }

    /// <summary>The EDO operator, e.g. Диадок.</summary>
    public string? EdiProvider { get; set; }

    public DateTimeOffset? Created { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? Modified { get; set; }
    public string? ModifiedBy { get; set; }

    /// <summary>Fields EnDocs sent that this model does not name, and values of another kind than their property takes.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => DocNumber is { Length: > 0 } n ? $"{Type} {n} ({Id})" : $"{Type} {Id}";
}
