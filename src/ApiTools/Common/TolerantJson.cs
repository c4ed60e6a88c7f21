using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ApiTools.Common;

/// <summary>
/// Reads one JSON item into a source-generated model the way a real service's data needs: a value of another kind
/// than the model expects never fails the item. A number where text is expected is read as its text (nothing lost),
/// text where a number, a boolean or a date is expected is read as one where it parses, an object holding one text
/// where text is expected gives that text, and anything else (an object or a list where a scalar was expected, text
/// that is no number) is kept in the item's Extra under its own name. Each such field is told to
/// <see cref="ReadNotes"/> once per item (a command shows each distinct warning once). A list element wrapped in an
/// object of one member (<c>{"position":{…}}</c>, as Evotor's documentation prints positions and payments) is read
/// as the element it wraps.
/// <para>The model's own reading runs first: only an item it refuses is mended, so well-formed items cost nothing
/// more (a type whose variants never make the serializer refuse, such as wrapped list elements, asks to be mended
/// always).</para>
/// </summary>
public static class TolerantJson
{
    /// <summary>Reads <paramref name="utf8"/> (one whole JSON value) as <typeparamref name="T"/>. A JsonException
    /// still comes out for JSON that does not parse, or an item that is not the kind of thing asked for at all
    /// (text where an object is expected).</summary>
    /// <param name="notes">Hears the fields read another way or kept in Extra (null: nobody).</param>
    /// <param name="alwaysMend">Mend before reading even when the model would take the item as it is.</param>
    public static T Read<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> type, ReadNotes? notes = null, bool alwaysMend = false)
    {
        if (!alwaysMend)
        {
            try
            {
                return JsonSerializer.Deserialize(utf8, type)!;
            }
            catch (JsonException)
            {
                // Mended below; JSON that does not parse at all fails there again, from the parser.
            }
            catch (InvalidOperationException notUtf8)
            {
                throw NotUtf8(notUtf8);
            }
        }
        if (!IsUtf8(utf8)) throw NotUtf8(null);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8, new JsonNodeOptions { PropertyNameCaseInsensitive = type.Options.PropertyNameCaseInsensitive },
                new JsonDocumentOptions { CommentHandling = type.Options.ReadCommentHandling, AllowTrailingCommas = type.Options.AllowTrailingCommas });
            if (node is not null) new Mender(type.Options, notes).Value(ref node, type, "");
        }
        catch (ArgumentException duplicate)
        {
            // A name given twice in one object, which the serializer reads (the last wins) but a mended copy cannot hold.
            throw new JsonException("An object names one field twice: " + duplicate.Message, duplicate);
        }
        return node.Deserialize(type)!;
    }

    // Bytes that are not UTF-8 are never mended into text: that would store U+FFFD for good.
    private static JsonException NotUtf8(Exception? inner) => new("The item holds bytes that are not UTF-8 text.", inner);

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool IsUtf8(ReadOnlySpan<byte> utf8)
    {
        try
        {
            StrictUtf8.GetCharCount(utf8.ToArray());
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The property of a model that keeps what it does not name (null: it keeps nothing).</summary>
    private static bool HasExtra(JsonTypeInfo info) => info.Properties.Any(p => p.IsExtensionData);

    private sealed class Mender(JsonSerializerOptions options, ReadNotes? notes)
    {
        /// <summary>Makes <paramref name="node"/> something <paramref name="info"/> reads; false when it cannot, so
        /// the caller keeps it in Extra.</summary>
        public bool Value(ref JsonNode node, JsonTypeInfo info, string path)
        {
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    return node is JsonObject obj && Object(obj, info, path);
                case JsonTypeInfoKind.Enumerable:
                    return node is JsonArray array && Elements(array, info, path);
                case JsonTypeInfoKind.Dictionary:
                    return node is JsonObject map && Entries(map, info, path);
                default:
                    return Scalar(ref node, info, path);
            }
        }

        private bool Object(JsonObject obj, JsonTypeInfo info, string path)
        {
            var keepsExtra = HasExtra(info);
            foreach (var member in obj.ToList())
            {
                var (name, value) = (member.Key, member.Value);
                if (value is null) continue;
                var property = Find(info, name);
                if (property is null) continue; // not named by the model: it goes to Extra as it is
                var at = path.Length == 0 ? name : path + "." + name;
                string expected;
                if (property.CustomConverter is not null)
                {
                    // A converter of the property's own (milliseconds as a TimeSpan) judges the value, not its type's reader.
                    if (ConverterReads(info, name, value)) continue;
                    expected = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType).Name;
                }
                else
                {
                    if (TypeInfo(property.PropertyType) is not { } propertyInfo) continue; // a type the context does not describe: left to the serializer
                    // Mended on a copy: a list or object that turns out unreadable half way is kept as it came.
                    var child = value is JsonObject or JsonArray ? value.DeepClone() : value;
                    if (Value(ref child, propertyInfo, at))
                    {
                        if (!ReferenceEquals(child, value)) obj[name] = child;
                        continue;
                    }
                    expected = Expected(propertyInfo);
                }
                // The value cannot be what the model expects: keep it whole beside the typed fields.
                if (!keepsExtra) return false;
                obj.Remove(name);
                obj[name + ExtraFields.KeptSuffix] = value;
                notes?.Kept(at, ReadNotes.Found(value.GetValueKind()), expected);
            }
            return true;
        }

        private bool Elements(JsonArray array, JsonTypeInfo info, string path)
        {
            if (TypeInfo(ElementType(info.Type, typeof(IEnumerable<>), 0)) is not { } elementInfo) return true;
            for (var i = 0; i < array.Count; i++)
            {
                var element = array[i];
                if (element is null) continue;
                if (elementInfo.Kind == JsonTypeInfoKind.Object && Unwrapped(element, elementInfo) is { } inner)
                    array[i] = element = inner;
                var mended = element;
                if (!Value(ref mended, elementInfo, path)) return false; // a list keeps its places: the whole list goes
                if (!ReferenceEquals(mended, element)) array[i] = mended;
            }
            return true;
        }

        private bool Entries(JsonObject map, JsonTypeInfo info, string path)
        {
            if (TypeInfo(ElementType(info.Type, typeof(IDictionary<,>), 1)) is not { } valueInfo) return true;
            foreach (var entry in map.ToList())
            {
                var (key, value) = (entry.Key, entry.Value);
                if (value is null) continue;
                var mended = value;
                if (!Value(ref mended, valueInfo, path)) return false;
                if (!ReferenceEquals(mended, value)) map[key] = mended;
            }
            return true;
        }

        /// <summary>A scalar (or a type with a converter of its own): taken if it reads; otherwise converted where nothing is lost.</summary>
        private bool Scalar(ref JsonNode node, JsonTypeInfo info, string path)
        {
            if (Reads(node, info)) return true;
            var target = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            var converted = Convert(node, target);
            if (converted is null || !Reads(converted, info)) return false;
            notes?.Converted(path, ReadNotes.Found(node.GetValueKind()), Expected(info));
            // Detach: a node belongs to one parent.
            node = converted;
            return true;
        }

        private static JsonNode? Convert(JsonNode node, Type target)
        {
            var kind = node.GetValueKind();
            if (target == typeof(string))
            {
                return kind switch
                {
                    // The number exactly as written: 79876543210 stays 79876543210, 45.50 stays 45.50.
                    JsonValueKind.Number => JsonValue.Create(node.ToJsonString()),
                    JsonValueKind.True => JsonValue.Create("true"),
                    JsonValueKind.False => JsonValue.Create("false"),
                    // {"storeUuid":"…"} where an id is expected: the id it holds.
                    JsonValueKind.Object when node is JsonObject { Count: 1 } one && one.First().Value is JsonValue v
                                              && v.GetValueKind() == JsonValueKind.String => JsonValue.Create(v.GetValue<string>()),
                    _ => null,
                };
            }
            if (IsNumber(target))
            {
                if (kind != JsonValueKind.String || !TolerantText.Number(node.GetValue<string>(), out var number)) return null;
                if (target == typeof(decimal) || target == typeof(double) || target == typeof(float)) return JsonNode.Parse(number.ToString(CultureInfo.InvariantCulture));
                return TolerantText.Whole(number, out var whole) ? JsonNode.Parse(whole.ToString(CultureInfo.InvariantCulture)) : null;
            }
            if (target == typeof(bool))
            {
                var text = kind switch
                {
                    JsonValueKind.String => node.GetValue<string>(),
                    JsonValueKind.Number => node.ToJsonString(),
                    _ => null,
                };
                return TolerantText.Boolean(text) is bool b ? JsonValue.Create(b) : null;
            }
            return null;
        }

        /// <summary>Whether the model reads <paramref name="value"/> as its member <paramref name="name"/> (through the
        /// member's own converter), tried on a model holding that member alone.</summary>
        private static bool ConverterReads(JsonTypeInfo model, string name, JsonNode value)
        {
            try
            {
                JsonSerializer.Deserialize(new JsonObject { [name] = value.DeepClone() }, model);
                return true;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return false;
            }
        }

        private static bool IsNumber(Type t) =>
            t == typeof(decimal) || t == typeof(long) || t == typeof(int) || t == typeof(double) || t == typeof(float) || t == typeof(short)
            || t == typeof(ulong) || t == typeof(uint) || t == typeof(ushort) || t == typeof(byte) || t == typeof(sbyte);

        private static bool Reads(JsonNode node, JsonTypeInfo info)
        {
            try
            {
                node.Deserialize(info);
                return true;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                return false;
            }
        }

        private JsonTypeInfo? TypeInfo(Type type)
        {
            try
            {
                return options.GetTypeInfo(type);
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }

        private JsonPropertyInfo? Find(JsonTypeInfo info, string name)
        {
            var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var p in info.Properties)
                if (!p.IsExtensionData && string.Equals(p.Name, name, comparison)) return p;
            return null;
        }
    }

    /// <summary>The element (or value) type of a list (or dictionary) type: the argument of the generic interface it implements.</summary>
    private static Type ElementType(Type type, Type generic, int argument)
    {
        foreach (var candidate in new[] { type }.Concat(type.GetInterfaces()))
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == generic) return candidate.GetGenericArguments()[argument];
        return typeof(object);
    }

    /// <summary>The object an element of one member wraps (<c>{"position":{…}}</c>), when that member is no field of the element's model.</summary>
    private static JsonNode? Unwrapped(JsonNode element, JsonTypeInfo elementInfo)
    {
        if (element is not JsonObject { Count: 1 } wrapper) return null;
        var only = wrapper.First();
        var (name, inner) = (only.Key, only.Value);
        if (inner is not JsonObject || elementInfo.Properties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return null;
        wrapper.Remove(name);
        return inner;
    }

    private static string Expected(JsonTypeInfo info)
    {
        var t = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (t == typeof(string)) return "text";
        if (t == typeof(bool)) return "true or false";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime)) return "a date";
        if (info.Kind == JsonTypeInfoKind.Enumerable) return "a list";
        if (info.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary) return "an object";
        return t.IsPrimitive || t == typeof(decimal) ? "a number" : "a " + t.Name;
    }
}
