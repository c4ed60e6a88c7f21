using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

/// <summary>Text from a string, or losslessly from a number or a boolean (ext_ID comes as text or as a number). Null stays
/// null. An object or an array is not text: the read fails there, and TolerantReader keeps the value in Extra.</summary>
internal sealed class LooseStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.TryGetInt64(out var whole) ? whole.ToString(CultureInfo.InvariantCulture)
                : Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"Expected text, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}

/// <summary>A boolean from true/false, or losslessly from "true"/"false" (any case) and 1/0, as text or number.</summary>
internal sealed class LooseBoolConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Number when reader.TryGetInt32(out var n) && n is 0 or 1: return n == 1;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1") return true;
                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0") return false;
                if (string.IsNullOrEmpty(text)) return null;
                break;
        }
        throw new JsonException($"Expected true or false, got {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteBooleanValue(value.Value);
    }
}

/// <summary>Dates as EnDocs sends them (<c>yyyy-MM-ddTHH:mm:ssZ</c>), and the <c>dd.MM.yyyy</c> of its
/// request bodies should a server echo one back. Null and empty text are no date.</summary>
internal sealed class LooseDateConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly string[] DayFirst = { "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "d.M.yyyy" };

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected a date as text, got {reader.TokenType}.");
        // Fast path for EnDocs' own form (UTC, ending in Z): read from the bytes, no string. Anything else (no
        // offset, day first) takes the lenient path below, which reads a time without offset as UTC.
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length > 0
            && reader.ValueSpan[reader.ValueSpan.Length - 1] == (byte)'Z' && reader.TryGetDateTimeOffset(out var utc))
            return utc;
        var text = reader.GetString();
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TryParse(text!, out var value)) return value;
        throw new JsonException($"'{text}' is not a date EnDocs is known to send (yyyy-MM-ddTHH:mm:ssZ or dd.MM.yyyy).");
    }

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), DayFirst, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value)) return true;
        // A time without an offset is taken as UTC, as EnDocs' own are.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value.Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
