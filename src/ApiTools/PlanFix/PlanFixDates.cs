using System.Globalization;
using System.Text.RegularExpressions;

namespace ApiTools.PlanFix;

/// <summary>PlanFix's dates: <c>dd-MM-yyyy</c> and <c>dd-MM-yyyy HH:mm</c>, no seconds and no offset, in the user's time zone.</summary>
public static class PlanFixDates
{
    private static readonly string[] Formats = { "dd-MM-yyyy HH:mm", "dd-MM-yyyy", "dd-MM-yyyy HH:mm:ss", "d-M-yyyy H:mm", "d-M-yyyy" };
    private static readonly Regex Offset = new(@"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Moscow time: UTC+3 all year since 2014 (a fixed zone, so no tz database is needed).</summary>
    public static TimeZoneInfo Moscow { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC+03:00", TimeSpan.FromHours(3), "UTC+03:00 (Moscow)", "UTC+03:00");

    /// <summary>The moment <paramref name="text"/> names in <paramref name="zone"/>; null for empty text.</summary>
    /// <exception cref="FormatException">Not a PlanFix date.</exception>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTime.TryParseExact(text!.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            throw new FormatException($"'{text}' is not a PlanFix date (dd-MM-yyyy or dd-MM-yyyy HH:mm).");
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
    }

    /// <summary>Like <see cref="Parse"/>, but null for text that is not a date (a server that adds a format later must not break reads).</summary>
    public static DateTimeOffset? TryParse(string? text, TimeZoneInfo zone)
    {
        try { return Parse(text, zone); }
        catch (FormatException) { return null; }
    }

    /// <summary><paramref name="value"/> as PlanFix writes it in <paramref name="zone"/>.</summary>
    public static string Format(DateTimeOffset value, TimeZoneInfo zone, bool withTime = true)
    {
        var local = TimeZoneInfo.ConvertTime(value, zone);
        return local.ToString(withTime ? "dd-MM-yyyy HH:mm" : "dd-MM-yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>A DateTime as PowerShell gives it: Unspecified/Local → this machine's local time, Utc → UTC.</summary>
    public static string Format(DateTime value, TimeZoneInfo zone, bool withTime = true) =>
        Format(value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value) : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Local)), zone, withTime);

    /// <summary>A time zone from a system id (<c>Europe/Moscow</c>, <c>Russian Standard Time</c>) or an offset (<c>+03:00</c>, <c>UTC+5</c>).</summary>
    /// <exception cref="ArgumentException">Neither.</exception>
    public static TimeZoneInfo ParseTimeZone(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("A time zone is required.", nameof(text));
        var trimmed = text.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase)) return TimeZoneInfo.Utc;
        var m = Offset.Match(trimmed);
        if (m.Success)
        {
            var hours = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var minutes = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            var offset = new TimeSpan(hours, minutes, 0);
            if (m.Groups[1].Value == "-") offset = -offset;
            if (offset == TimeSpan.FromHours(3)) return Moscow;
            if (offset.Duration() > TimeSpan.FromHours(14)) throw new ArgumentException($"'{text}' is not a UTC offset between -14:00 and +14:00.", nameof(text));
            var name = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            return TimeZoneInfo.CreateCustomTimeZone(name, offset, name, name);
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(trimmed);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"'{text}' is neither a known time zone id (e.g. Europe/Moscow) nor a UTC offset (e.g. +03:00).", nameof(text), e);
        }
    }
}
