namespace ApiTools.EnDocs.Models;

/// <summary>
/// A document from one of EnDocs' "everything after id" lists. Flat for Export-Csv: the nested
/// contractor and organization come as Contractor*/Organization* columns. <see cref="Type"/> says
/// which list it came from, so <c>Save-EnDocsFile</c> can pick the right file kind.
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

    /// <summary>The document's title, where it has one: a contract's name, or the name a non-form document was uploaded with.</summary>
    public string? Name { get; set; }

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
    public string? Contract { get; set; }
    public string? Project { get; set; }
    public string? Employee { get; set; }
    public string? Department { get; set; }

    /// <summary>The table part as the JSON text EnDocs sends.</summary>
    public string? TablePart { get; set; }

    public DateTimeOffset? PaymentDate { get; set; }
    public string? PaymentNumber { get; set; }
    public string? EdiId { get; set; }
    public string? EdiState { get; set; }

    /// <summary>The EDO operator, e.g. Диадок.</summary>
    public string? EdiProvider { get; set; }

    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? Modified { get; set; }

    /// <summary>Top-level fields EnDocs sent that this model does not name yet.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => DocNumber is { Length: > 0 } n ? $"{Type} {n} ({Id})" : $"{Type} {Id}";
}
