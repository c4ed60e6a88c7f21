using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Serialization;

/// <summary>Evotor writes <c>2018-04-17T10:11:49.393+0000</c>: an offset without a colon, which the
/// standard ISO reader refuses. Reads that and the ISO form; writes Evotor's form.</summary>
public sealed class EvotorTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadTimestamp(ref reader);

    /// <summary>What <see cref="Read"/> reads, for readers that bypass the serializer.</summary>
    internal static DateTimeOffset ReadTimestamp(ref Utf8JsonReader reader)
    {
        // Evotor's own form straight from the bytes: two of these per product made the string path (a string, two
        // substrings and a culture-aware parse) about a third of a product's parse.
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped
            && TryParseEvotorForm(reader.ValueSpan, out var fast))
            return fast;
        var text = reader.GetString();
        if (text is not null && TryParse(text, out var value)) return value;
        throw new JsonException($"'{text}' is not an Evotor timestamp (expected like 2018-04-17T10:11:49.393+0000).");
    }

    /// <summary><see cref="ReadTimestamp"/> without the exception: false when the text is no timestamp.</summary>
    internal static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && TryParseEvotorForm(reader.ValueSpan, out value))
            return true;
        value = default;
        return reader.TokenType == JsonTokenType.String && reader.GetString() is string text && TryParse(text, out value);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
        + (value.Offset < TimeSpan.Zero ? "-" : "+")
        + value.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>Exactly <c>yyyy-MM-ddTHH:mm:ss.fff±hhmm</c> (28 bytes) with every field in range; anything else
    /// (the ISO form with a colon, other precisions, a leap second, the calendar's edges) is left to <see cref="TryParse"/>.</summary>
    internal static bool TryParseEvotorForm(ReadOnlySpan<byte> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length != 28 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.'
            || (s[23] != '+' && s[23] != '-'))
            return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)
            || !Digits(s, 20, 3, out var millisecond) || !Digits(s, 24, 2, out var offsetHours) || !Digits(s, 26, 2, out var offsetMinutes))
            return false;
        if (year <= 1 || year >= 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 14 * 60)
            return false;
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, s[23] == '-' ? -offset : offset);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        // Put the colon into a trailing ±hhmm offset, then read it as ISO 8601.
        var n = text.Length;
        if (n > 5 && (text[n - 5] == '+' || text[n - 5] == '-') && char.IsDigit(text[n - 4]) && char.IsDigit(text[n - 1]) && text[n - 3] != ':')
            text = text.Substring(0, n - 2) + ":" + text.Substring(n - 2);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
