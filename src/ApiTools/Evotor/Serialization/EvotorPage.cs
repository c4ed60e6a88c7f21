namespace ApiTools.Evotor.Serialization;

/// <summary>The wire shape of an Evotor list: <c>{"items":[…],"paging":{"next_cursor":"…"}}</c>,
/// with <c>"paging":{}</c> on the last page.</summary>
internal sealed class EvotorPage<T>
{
    public List<T>? Items { get; set; }
    public EvotorPaging? Paging { get; set; }
}

internal sealed class EvotorPaging
{
    public string? NextCursor { get; set; }
}

/// <summary>Evotor's v2 error body: <c>{"code":"…","message":"…","violations":[{"reason":"…","subject":"…"}]}</c>.</summary>
internal sealed class EvotorErrorBody
{
    public string? Code { get; set; }
    public string? Message { get; set; }

    /// <summary>Where reading stopped, on <c>invalid_format</c> ("line 1, column 161").</summary>
    public string? Value { get; set; }
    public List<EvotorViolation>? Violations { get; set; }
}

internal sealed class EvotorViolation
{
    public string? Reason { get; set; }
    public string? Subject { get; set; }
}

/// <summary>PATCH bodies: only what is set is sent (nulls are omitted, as Evotor never takes null).</summary>
internal sealed class ProductPatchBody
{
    public decimal? Price { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? CostPrice { get; set; }
}

internal sealed class ProductGroupPatchBody
{
    public string? Name { get; set; }
    public string? ParentId { get; set; }
}
