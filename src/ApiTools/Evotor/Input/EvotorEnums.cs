namespace ApiTools.Evotor.Input;

/// <summary>The closed value sets of Evotor's write contract.</summary>
public static class EvotorEnums
{
    public static readonly IReadOnlyList<string> ProductTypes = new[] { "NORMAL", "ALCOHOL_MARKED", "ALCOHOL_NOT_MARKED", "TOBACCO_MARKED", "SERVICE" };
    public static readonly IReadOnlyList<string> Taxes = new[] { "NO_VAT", "VAT_0", "VAT_10", "VAT_10_110", "VAT_18", "VAT_18_118" };

    /// <summary>The canonical spelling of <paramref name="value"/> in <paramref name="allowed"/>, or null.</summary>
    internal static string? Match(IReadOnlyList<string> allowed, string value)
    {
        foreach (var candidate in allowed)
            if (string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase)) return candidate;
        return null;
    }
}
