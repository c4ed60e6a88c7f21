namespace ApiTools.Evotor.Requests;

/// <summary>A partial update of a group (inferred: Evotor documents group PATCH "as products").</summary>
public sealed class ProductGroupPatch
{
    public string? Name { get; init; }
    public string? ParentId { get; init; }

    /// <summary>Move the group out of any parent, to the top level. Evotor takes no null, so this is a PUT of the group as
    /// it is without its parent_id (read first), not a PATCH.</summary>
    public bool ToTopLevel { get; init; }

    public bool IsEmpty => Name is null && ParentId is null && !ToTopLevel;
}
