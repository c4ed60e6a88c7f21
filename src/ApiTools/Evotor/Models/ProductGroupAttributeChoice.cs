namespace ApiTools.Evotor.Models;

public sealed class ProductGroupAttributeChoice
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>Fields Evotor sent that this model does not name (never sent back).</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name ?? Id ?? "";
}
