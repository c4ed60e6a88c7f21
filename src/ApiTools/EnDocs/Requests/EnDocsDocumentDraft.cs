using ApiTools.EnDocs.Models;

namespace ApiTools.EnDocs.Requests;

/// <summary>
/// A structured document to add or update: AddOrUpdateExtDoc for one from the accounting system (Source Входящий or
/// Исходящий), AddOrUpdateLocalDoc for an internal one (Source Внутренний). Keyed by <see cref="ExtId"/>, or by EnDocs'
/// own <see cref="MetaId"/>. Parties are named by Ext_ID; the table part goes as JSON text; dates as dd.MM.yyyy.
/// </summary>
public sealed class EnDocsDocumentDraft
{
    public const string Incoming = "Входящий";
    public const string Outgoing = "Исходящий";
    public const string Internal = "Внутренний";

    public string? ExtId { get; set; }

    /// <summary>EnDocs' id of the document to update (AddOrUpdateExtDoc only).</summary>
    public long? MetaId { get; set; }

    /// <summary>Make the document of this non-form document: its file moves here and the non-form document goes.</summary>
    public long? NonFormId { get; set; }

    /// <summary>EnDocs' document type: 1 Поступление, 14 Счет входящий, 6 Счет исходящий… (<see cref="EnDocsDocumentTypes"/>).</summary>
    public int DocTypeId { get; set; }

    /// <summary>Входящий, Исходящий or Внутренний (this one makes it a local document).</summary>
    public string Source { get; set; } = "";

    public string OrganizationExtId { get; set; } = "";
    public string? ContractorExtId { get; set; }
    public string? ContractExtId { get; set; }
    public string? DocNumber { get; set; }
    public DateTime? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public decimal? AmountWithoutVat { get; set; }
    public decimal? AmountToPay { get; set; }
    public decimal? Vat { get; set; }
    public string? Currency { get; set; }
    public string? DocNumInvoice { get; set; }
    public DateTime? DocDateInvoice { get; set; }
    public string? DocNumTaxInvoice { get; set; }
    public DateTime? DocDateTaxInvoice { get; set; }
    public string? Operation { get; set; }
    public string? Comment { get; set; }
    public string? State { get; set; }
    public bool? Signed { get; set; }
    public bool? Paid { get; set; }
    public DateTime? PaymentDate { get; set; }
    public string? PaymentNumber { get; set; }

    /// <summary>The e-mail of a user to notify (outgoing invoices).</summary>
    public string? NotifyUser { get; set; }

    public DateTime? PeriodFrom { get; set; }
    public DateTime? PeriodTo { get; set; }

    /// <summary>The receiver of correspondence (EnDocs spells the field Reciever).</summary>
    public string? Receiver { get; set; }

    public string? Address { get; set; }
    public string? Delivery { get; set; }
    public string? Contact { get; set; }
    public string? PackageId { get; set; }
    public int? DocKindId { get; set; }
    public string? EdiId { get; set; }
    public string? EdiState { get; set; }
    public string? EdiProvider { get; set; }

    /// <summary>The lines; sent as the JSON text EnDocs keeps.</summary>
    public EnDocsTablePart? TablePart { get; set; }

    /// <summary>Files to attach (replacing files of the same name).</summary>
    public List<EnDocsFileContent> Files { get; } = new();

    /// <summary>True for an internal document (AddOrUpdateLocalDoc).</summary>
    public bool IsLocal => Source == Internal;
}
