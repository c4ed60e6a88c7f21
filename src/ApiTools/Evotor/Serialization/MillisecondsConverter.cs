using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Serialization;

/// <summary>Evotor gives time zone offsets as milliseconds (<c>10800000</c>); people read <c>03:00:00</c>. Reads a number
/// (or a number in text) of milliseconds as a TimeSpan and writes it back as milliseconds.</summary>
public sealed class MillisecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number)) return FromMilliseconds(number);
        if (reader.TokenType == JsonTokenType.String
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var text)) return FromMilliseconds(text);
        throw new JsonException("expected an offset in milliseconds (a number such as 10800000).");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((long)value.TotalMilliseconds);

    private static TimeSpan FromMilliseconds(double ms)
    {
        // An offset is hours and minutes; anything past a day is not one (kept out of the TimeSpan's range errors too).
        if (double.IsNaN(ms) || Math.Abs(ms) > TimeSpan.FromDays(2).TotalMilliseconds) throw new JsonException($"{ms} ms is not a time zone offset.");
        return TimeSpan.FromTicks((long)(ms * TimeSpan.TicksPerMillisecond));
    }
}
