namespace ApiTools.Evotor.Input;

/// <summary>
/// The values Evotor's references name for its open value sets: offered on Tab and written in their canonical spelling,
/// never a limit (a value not listed goes to Evotor, which judges it). Where a value is known only from Russian law or
/// from Evotor's terminal SDK, not from the cloud API's own pages, docs/compatibility.md says so.
/// </summary>
public static class EvotorEnums
{
    public static readonly IReadOnlyList<string> ProductTypes = new[]
    {
        "NORMAL", "ALCOHOL_MARKED", "ALCOHOL_NOT_MARKED", "TOBACCO_MARKED", "SERVICE",
        // Marked goods Evotor added later (its clients offer them).
        "SHOES_MARKED", "MEDICINE_MARKED",
    };

    /// <summary>VAT as Evotor names it: the API's documented set (18 % was the general rate until 2019), then the general
    /// rate since 2019 (20 %) and since 2026 (22 %), and the 5 % and 7 % rates of the simplified regime since 2025.</summary>
    public static readonly IReadOnlyList<string> Taxes = new[]
    {
        "NO_VAT", "VAT_0", "VAT_10", "VAT_10_110", "VAT_18", "VAT_18_118",
        "VAT_20", "VAT_20_120", "VAT_22", "VAT_22_122", "VAT_5", "VAT_5_105", "VAT_7", "VAT_7_107",
    };

    /// <summary>Units the references show; Evotor also takes a unit of the user's own.</summary>
    public static readonly IReadOnlyList<string> MeasureNames = new[] { "шт", "кг", "л", "м", "км", "м2", "м3", "компл", "упак", "ед", "дроб" };

    /// <summary>Document types the reference lists, then those Evotor's SDK and clients know.</summary>
    public static readonly IReadOnlyList<string> DocumentTypes = new[]
    {
        "SELL", "PAYBACK", "BUY", "BUYBACK", "OPEN_SESSION", "CLOSE_SESSION", "POS_OPEN_SESSION", "CASH_INCOME", "CASH_OUTCOME",
        "INVENTORY", "ACCEPT", "REVALUATION", "WRITE_OFF", "RETURN", "OPEN_TARE", "X_REPORT", "Z_REPORT",
        "FPRINT", "CORRECTION",
    };

    /// <summary>Bulk task statuses (DECLINED: the payload was refused whole).</summary>
    public static readonly IReadOnlyList<string> BulkStatuses = new[] { "ACCEPTED", "RUNNING", "COMPLETED", "FAILED", "DECLINED" };

    /// <summary>Bulk task types.</summary>
    public static readonly IReadOnlyList<string> BulkTypes = new[] { "product", "product-group" };

    /// <summary>The canonical spelling of <paramref name="value"/> in <paramref name="allowed"/>, or null.</summary>
    public static string? Match(IReadOnlyList<string> allowed, string value)
    {
        foreach (var candidate in allowed)
            if (string.Equals(candidate, value.Trim(), StringComparison.OrdinalIgnoreCase)) return candidate;
        return null;
    }
}
