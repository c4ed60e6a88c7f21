using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

/// <summary>A field EnDocs sends as a name (text) or as the whole record it names (the backend's contract entity):
/// text is read straight from the token; anything else is kept whole.</summary>
internal sealed class NamedValue
{
    public string? Text { get; set; }
    public JsonElement? Whole { get; set; }
}

/// <summary>Reads a <see cref="NamedValue"/> without making a JsonDocument for the common case, text; numbers and
/// booleans read as their text, objects and arrays are kept as they are.</summary>
internal sealed class NamedValueConverter : JsonConverter<NamedValue?>
{
    public override bool HandleNull => true;

    public override NamedValue? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => new NamedValue { Text = reader.GetString() },
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False =>
                new NamedValue { Text = new LooseStringConverter().Read(ref reader, typeof(string), options) },
            _ => new NamedValue { Whole = JsonElement.ParseValue(ref reader) },
        };

    public override void Write(Utf8JsonWriter writer, NamedValue? value, JsonSerializerOptions options)
    {
        if (value?.Whole is { } whole) whole.WriteTo(writer);
        else if (value?.Text is { } text) writer.WriteStringValue(text);
        else writer.WriteNullValue();
    }
}
