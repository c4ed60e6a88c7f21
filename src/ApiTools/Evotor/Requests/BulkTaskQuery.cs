namespace ApiTools.Evotor.Requests;

/// <summary>Filters for the bulk task listing.</summary>
public sealed class BulkTaskQuery
{
    /// <summary>product, product-group.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>ACCEPTED, RUNNING, COMPLETED, FAILED, DECLINED.</summary>
    public IReadOnlyList<string>? Statuses { get; init; }

    internal List<KeyValuePair<string, string>> ToFilters()
    {
        var filters = new List<KeyValuePair<string, string>>();
        if (Types is { Count: > 0 }) filters.Add(new("type", string.Join(",", Types)));
        if (Statuses is { Count: > 0 }) filters.Add(new("status", string.Join(",", Statuses)));
        return filters;
    }
}
