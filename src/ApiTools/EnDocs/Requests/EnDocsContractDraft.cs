namespace ApiTools.EnDocs.Requests;

/// <summary>A contract to add or update, keyed by <see cref="ExtId"/>. Dates are sent as dd.MM.yyyy.</summary>
public sealed class EnDocsContractDraft
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DocNumber { get; set; }
    public DateTime? DocDate { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? ContractorExtId { get; set; }

    /// <summary>С поставщиком or С покупателем.</summary>
    public string? Type { get; set; }

    public DateTime? ValidityPeriod { get; set; }
    public string? Subject { get; set; }
}
