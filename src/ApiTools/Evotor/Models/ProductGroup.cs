namespace ApiTools.Evotor.Models;

/// <summary>A product group (folder) of one store; groups may nest through <see cref="ParentId"/>.</summary>
public sealed class ProductGroup : EvotorEntity
{
    public string Id { get; set; } = "";
    public string? StoreId { get; set; }
    public string? ParentId { get; set; }
    public string? Name { get; set; }
    public StringList? Barcodes { get; set; }
    public ProductGroupAttributeList? Attributes { get; set; }

    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
