using System;

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

/// <summary>A partial update of a group (inferred: Evotor documents group PATCH "as products").</summary>
public sealed class ProductGroupPatch
{
    public string? Name { get; init; }
    public string? ParentId { get; init; }

    public bool IsEmpty => Name is null && ParentId is null;
}
