using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>A product (goods or service) of one store. Money is decimal; lists print as <c>a;b;c</c>.</summary>
public sealed class Product : EvotorEntity
{
    public string Id { get; set; } = "";
    public string? StoreId { get; set; }

    /// <summary>The product group it belongs to, if any.</summary>
    public string? ParentId { get; set; }

    public string? Name { get; set; }

    /// <summary>NORMAL, ALCOHOL_MARKED, ALCOHOL_NOT_MARKED, TOBACCO_MARKED or SERVICE.</summary>
    public string? Type { get; set; }

    public string? MeasureName { get; set; }

    /// <summary>NO_VAT, VAT_0, VAT_10, VAT_10_110, VAT_18 or VAT_18_118.</summary>
    public string? Tax { get; set; }

    public bool? AllowToSell { get; set; }
    public decimal? Price { get; set; }
    public decimal? CostPrice { get; set; }
    public decimal? Quantity { get; set; }
    public string? Description { get; set; }
    public string? ArticleNumber { get; set; }
    public string? Code { get; set; }
    public StringList? Barcodes { get; set; }

    [JsonPropertyName("alcocodes")]
    public StringList? AlcoCodes { get; set; }

    public decimal? AlcoholByVolume { get; set; }
    public long? AlcoholProductKindCode { get; set; }
    public decimal? TareVolume { get; set; }

    /// <summary>Attribute id → choice id.</summary>
    public IdMap? AttributesChoices { get; set; }

    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
