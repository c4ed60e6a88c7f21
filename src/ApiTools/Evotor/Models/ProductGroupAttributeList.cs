namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>Size{id}(S{id}|M{id});Colour{id}(Red{id}|Blue{id})</c>, and reads back (with or without the ids).</summary>
public sealed class ProductGroupAttributeList : List<ProductGroupAttribute>
{
    public override string ToString() => string.Join(";", this);
}
