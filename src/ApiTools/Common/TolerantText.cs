using System.Globalization;

namespace ApiTools.Common;

/// <summary>The conversions a tolerant reader makes from text, written once so every reader makes the same ones.</summary>
internal static class TolerantText
{
    /// <summary>Text that is a number as written invariantly (<c>45.50</c>, <c>-3</c>, <c>1e3</c>; spaces around it are ignored).</summary>
    public static bool Number(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A whole number that fits a long (<c>12.0</c> is 12; <c>12.5</c> is not whole).</summary>
    public static bool Whole(decimal value, out long whole)
    {
        whole = 0;
        if (value != decimal.Truncate(value) || value > long.MaxValue || value < long.MinValue) return false;
        whole = (long)value;
        return true;
    }

    /// <summary>true/false as the references write them: <c>true</c>, <c>false</c>, <c>1</c>, <c>0</c> (any case; spaces ignored).</summary>
    public static bool? Boolean(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
