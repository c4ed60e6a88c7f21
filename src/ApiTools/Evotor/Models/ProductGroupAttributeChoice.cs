namespace ApiTools.Evotor.Models;

public sealed class ProductGroupAttributeChoice
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    public override string ToString() => Name ?? Id ?? "";
}
