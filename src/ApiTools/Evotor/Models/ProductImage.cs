using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>A product's picture (Evotor keeps one per product). The JSON shape is inferred: Evotor's
/// documentation names the endpoints, not the fields.</summary>
public sealed class ProductImage
{
    public string Id { get; set; } = "";

    [JsonIgnore]
    public string ImageId => Id;

    public string? ProductId { get; set; }
    public string? StoreId { get; set; }

    /// <summary>The file name it was uploaded with (as the server says; sanitised before any use as a path).</summary>
    public string? Name { get; set; }

    public long? Size { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public string? ContentType { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => $"{Name ?? Id} ({Width}x{Height})";
}
