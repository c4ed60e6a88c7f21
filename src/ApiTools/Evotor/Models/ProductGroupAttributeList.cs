namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>Size(S|M|L);Colour(Red|Blue)</c>.</summary>
public sealed class ProductGroupAttributeList : List<ProductGroupAttribute>
{
    public override string ToString() => string.Join(";", this);
}
