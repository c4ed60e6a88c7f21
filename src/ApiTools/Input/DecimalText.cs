using System.Globalization;
using System.Text.RegularExpressions;

namespace ApiTools.Input;

/// <summary>
/// Reads a decimal the way Export-Csv may have written it under any culture: one '.' or ',' as the
/// decimal point, digits otherwise, read invariant. Thousands separators are refused rather than
/// guessed: culture-first parsing would read "12,5" as 125 under en-US.
/// </summary>
public static class DecimalText
{
    private static readonly Regex Shape = new(@"^[+-]?[0-9]+([.,][0-9]+)?$", RegexOptions.CultureInvariant);

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (text is null) return false;
        var trimmed = text.Trim();
        if (!Shape.IsMatch(trimmed)) return false;
        return decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True for text of the right shape that <see cref="TryParse"/> still refused: too many digits for a decimal.</summary>
    public static bool LooksLikeNumber(string? text) => text is not null && Shape.IsMatch(text.Trim());

    /// <summary>Digits after the decimal point, ignoring trailing zeros (12.50 has 1).</summary>
    public static int Scale(decimal value)
    {
        value /= 1.000000000000000000000000000000000m; // normalises away trailing zeros
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
    }
}
