using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>A product's picture (Evotor keeps one per product), as Evotor's image reference describes it: where to
/// download it (<see cref="Url"/>) and what it is (<c>meta</c>: extension, file size, width, height), flat for CSV.</summary>
public sealed class ProductImage : EvotorEntity
{
    public string Id { get; set; } = "";

    [JsonIgnore]
    public string ImageId => Id;

    public string? ProductId { get; set; }
    public string? StoreId { get; set; }

    /// <summary>Where the image's bytes are (often another host than the API's; the token is never sent there).</summary>
    public string? Url { get; set; }

    [JsonIgnore] public string? Extension => Meta?.Extension;
    [JsonIgnore] public long? FileSize => Meta?.FileSize;
    [JsonIgnore] public int? Width => Meta?.Width;
    [JsonIgnore] public int? Height => Meta?.Height;

    /// <summary>The wire's <c>meta</c>; its fields the model does not name stay in its own Extra.</summary>
    [JsonInclude]
    [JsonPropertyName("meta")]
    internal ProductImageMeta? Meta { get; set; }

    /// <summary>Fields of <c>meta</c> this model does not name.</summary>
    [JsonIgnore] public ExtraFields? MetaExtra => Meta?.Extra;

    public override string ToString() => $"{Id} ({Width}x{Height} {Extension})";
}

/// <summary>An image's <c>meta</c>: <c>{"extension":"png","file_size":429,"width":300,"height":300}</c>.</summary>
internal sealed class ProductImageMeta
{
    public string? Extension { get; set; }
    public long? FileSize { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }
}
