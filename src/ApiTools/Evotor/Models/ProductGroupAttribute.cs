namespace ApiTools.Evotor.Models;

/// <summary>An attribute products of a group choose from (size, colour…).</summary>
public sealed class ProductGroupAttribute
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<ProductGroupAttributeChoice>? Choices { get; set; }

    /// <summary>Fields Evotor sent that this model does not name (never sent back).</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    /// <summary><c>Size{id}(S{id}|M{id})</c>: names people read, with the ids in braces so a CSV copy keeps them (a product's
    /// AttributesChoices names attributes and choices by id).</summary>
    public override string ToString() =>
        $"{ProductGroupAttributeChoice.Named(Name, Id)}({string.Join("|", (Choices ?? new List<ProductGroupAttributeChoice>()).Select(c => c.ToString()))})";
}
