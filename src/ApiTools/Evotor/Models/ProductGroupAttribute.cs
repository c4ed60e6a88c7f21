namespace ApiTools.Evotor.Models;

/// <summary>An attribute products of a group choose from (size, colour…).</summary>
public sealed class ProductGroupAttribute
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<ProductGroupAttributeChoice>? Choices { get; set; }

    public override string ToString() =>
        $"{Name}({string.Join("|", (Choices ?? new List<ProductGroupAttributeChoice>()).Select(c => c.Name))})";
}
