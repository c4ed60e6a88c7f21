using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Json;

/// <summary>Evotor writes <c>2018-04-17T10:11:49.393+0000</c>: an offset without a colon, which the
/// standard ISO reader refuses. Reads that and the ISO form; writes Evotor's form.</summary>
public sealed class EvotorTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && TryParse(text, out var value)) return value;
        throw new JsonException($"'{text}' is not an Evotor timestamp (expected like 2018-04-17T10:11:49.393+0000).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
        + (value.Offset < TimeSpan.Zero ? "-" : "+")
        + value.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        // Put the colon into a trailing ±hhmm offset, then read it as ISO 8601.
        var n = text.Length;
        if (n > 5 && (text[n - 5] == '+' || text[n - 5] == '-') && char.IsDigit(text[n - 4]) && char.IsDigit(text[n - 1]) && text[n - 3] != ':')
            text = text.Substring(0, n - 2) + ":" + text.Substring(n - 2);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value);
    }
}
