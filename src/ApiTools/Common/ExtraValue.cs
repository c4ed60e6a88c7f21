using System.Buffers;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApiTools.Common;

/// <summary>JSON made into the plain values <see cref="ExtraFields"/> keeps, and those values made into one line of text.</summary>
public static class ExtraValue
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The plain value of <paramref name="value"/>: a JsonElement becomes text, a decimal (a number too large
    /// for one stays its text), a boolean, an ExtraFields or an ExtraList; JSON null becomes null; anything else is kept.</summary>
    public static object? From(object? value) => value is JsonElement json ? From(json) : value;

    public static object? From(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String: return json.GetString();
            case JsonValueKind.Number: return json.TryGetDecimal(out var number) ? number : json.GetRawText();
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Object:
                var fields = new ExtraFields();
                foreach (var p in json.EnumerateObject()) fields[p.Name] = From(p.Value);
                return fields;
            case JsonValueKind.Array:
                var list = new ExtraList();
                // A null inside a list keeps its place: positions in a list can mean something.
                foreach (var item in json.EnumerateArray()) list.Add(From(item));
                return list;
            default: return null;
        }
    }

    /// <summary>The value at the reader's current token (its first; the reader is left on its last), read straight
    /// from the bytes: what <see cref="From(JsonElement)"/> makes of the same JSON.</summary>
    public static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetDecimal(out var number) ? number : Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.StartObject:
                var fields = new ExtraFields();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    fields[name] = Read(ref reader);
                }
                return fields;
            case JsonTokenType.StartArray:
                var list = new ExtraList();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(Read(ref reader));
                return list;
            default: return null;
        }
    }

    /// <summary>One line: text as it is (JSON-quoted if it holds a line break or a control character), numbers
    /// invariant, booleans lower case, nested parts as compact JSON.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s.Any(char.IsControl) ? Json(s) : s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value is IEnumerable ? Json(value) : value.ToString() ?? "",
    };

    /// <summary>Compact JSON of a plain value (no line breaks: they are escaped inside strings).</summary>
    public static string Json(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact)) Write(writer, value);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static void Write(Utf8JsonWriter writer, object? value)
    {
        // Values made from JSON nest only as deep as the parser allowed.
        switch (value)
        {
            case null: writer.WriteNullValue(); return;
            case string s: writer.WriteStringValue(s); return;
            case bool b: writer.WriteBooleanValue(b); return;
            case decimal d: writer.WriteNumberValue(d); return;
            case double or float or int or long or short or byte or uint or ulong or ushort or sbyte:
                writer.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)); return;
            case JsonElement json: json.WriteTo(writer); return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry e in dictionary)
                {
                    writer.WritePropertyName(e.Key.ToString() ?? "");
                    Write(writer, e.Value);
                }
                writer.WriteEndObject();
                return;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) Write(writer, item);
                writer.WriteEndArray();
                return;
            default: writer.WriteStringValue(Text(value)); return;
        }
    }
}
