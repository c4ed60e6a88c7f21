namespace ApiTools.Evotor.Models;

/// <summary>What became of one item of a bulk task: the stored resource, or the error that refused it.</summary>
public sealed class BulkTaskDetail
{
    /// <summary>Position of the item in the task (0-based).</summary>
    public int Index { get; set; }

    /// <summary>True when the item was stored.</summary>
    public bool Ok { get; set; }

    /// <summary>The id of the product or group (from the resource, or the error's product_id).</summary>
    public string? Id { get; set; }

    public string? Code { get; set; }
    public string? Message { get; set; }
    public IReadOnlyList<ApiViolation> Violations { get; set; } = Array.Empty<ApiViolation>();

    /// <summary>The stored resource as the server returned it (successful items only), as plain values: <c>$d.Resource.name</c>.</summary>
    public ExtraFields? Resource { get; set; }

    public override string ToString() =>
        Ok ? $"{Index}: ok {Id}" : $"{Index}: {Code} {Message}{(Violations.Count > 0 ? " (" + string.Join("; ", Violations) + ")" : "")}";
}
