namespace ApiTools.Evotor;

/// <summary>What to do about Evotor's answers that have a usual cause, said where the error is made.</summary>
public static class EvotorHints
{
    /// <summary>A product's parent_id refused as "not found" in a store: its group was not copied there.</summary>
    public static string? MissingGroup(IEnumerable<ApiViolation> violations, string? storeId) =>
        violations.Any(v => string.Equals(v.Subject, "parent_id", StringComparison.OrdinalIgnoreCase))
            ? $" The product's group (ParentId) is not in store {storeId ?? "(the target store)"}: copy the groups first, e.g. " +
              $"Get-EvotorProductGroup -StoreId <source store> | Set-EvotorProductGroup -StoreId {storeId ?? "<target store>"}."
            : null;

    /// <summary>The store a path names (stores/{id}/…), or null.</summary>
    internal static string? StoreOf(string path)
    {
        var parts = path.TrimStart('/').Split('/');
        return parts.Length > 1 && parts[0] == "stores" ? parts[1] : null;
    }
}
