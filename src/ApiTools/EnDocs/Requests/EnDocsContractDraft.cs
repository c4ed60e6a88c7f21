namespace ApiTools.EnDocs.Requests;

/// <summary>A contract to add or update, keyed by <see cref="ExtId"/> (or by EnDocs' own <see cref="ContractId"/>). Its
/// contractor and organization are named by their Ext_ID; dates are sent as dd.MM.yyyy.</summary>
public sealed class EnDocsContractDraft : EnDocsKeyedDraft
{
    public string? DocNumber { get; set; }
    public DateTime? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public decimal? AmountWithoutVat { get; set; }
    public decimal? Vat { get; set; }
    public string? Currency { get; set; }
    public string ContractorExtId { get; set; } = "";
    public string OrganizationExtId { get; set; } = "";

    /// <summary>С поставщиком or С покупателем.</summary>
    public string? Type { get; set; }

    public DateTime? ValidityPeriod { get; set; }
    public string? Subject { get; set; }
    public string? Comment { get; set; }
    public string? State { get; set; }

    /// <summary>Make the contract of this non-form document: its file moves to the contract and the non-form document goes.</summary>
    public long? NonFormId { get; set; }

    /// <summary>EnDocs' id of the contract to update (instead of finding it by Ext_ID).</summary>
    public long? ContractId { get; set; }

    /// <summary>Files to attach (replacing files of the same name).</summary>
    public List<EnDocsFileContent> Files { get; } = new();
}
