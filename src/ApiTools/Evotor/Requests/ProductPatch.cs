namespace ApiTools.Evotor.Requests;

/// <summary>A partial update: Evotor lets PATCH change only these three. An empty patch is refused
/// before sending.</summary>
public sealed class ProductPatch
{
    public decimal? Price { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? CostPrice { get; init; }

    public bool IsEmpty => Price is null && Quantity is null && CostPrice is null;
}
