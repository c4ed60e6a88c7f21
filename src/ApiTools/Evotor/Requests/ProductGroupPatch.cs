namespace ApiTools.Evotor.Requests;

/// <summary>A partial update of a group (inferred: Evotor documents group PATCH "as products").</summary>
public sealed class ProductGroupPatch
{
    public string? Name { get; init; }
    public string? ParentId { get; init; }

    public bool IsEmpty => Name is null && ParentId is null;
}
