using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ApiTools.EnDocs.Serialization;

/// <summary>A wire type that keeps what its properties do not take.</summary>
internal interface IKeepsExtra
{
    ExtraFields? Extra { get; set; }
}

/// <summary>
/// Reads one EnDocs item so that a value of another kind than its property takes never fails the item: the typed read
/// runs first (the fast path every well-formed item takes); when it fails on a member, that member is taken out, kept
/// in Extra as sent (a nested one under its dotted path, e.g. <c>contractor.inn</c>) and the read runs again. Each such
/// field is named once in a warning (the text names the item kind and the field, never the value, so a command shows
/// it once however many items carry it). Lossless conversions (number ↔ text, "true" ↔ true) are the converters' job
/// and are not warned about.
/// </summary>
internal static class TolerantReader
{
    // An item with more bad members than this is not an item of this kind at all.
    private const int MaxKept = 64;

    /// <summary>Reads the element <paramref name="reader"/> is on (its first token); null, with a warning, when the
    /// element is not an object at all.</summary>
    public static T? Read<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type, string what, IApiObserver observer) where T : class, IKeepsExtra
    {
        var start = reader;
        try
        {
            return JsonSerializer.Deserialize(ref reader, type);
        }
        catch (JsonException)
        {
            // the slow path below names and keeps what did not fit
        }
        reader = start;
        return Repair(JsonNode.Parse(ref reader), type, what, observer);
    }

    /// <summary>As <see cref="Read{T}(ref Utf8JsonReader, JsonTypeInfo{T}, string, IApiObserver)"/>, for a whole body already in memory.</summary>
    public static T? Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type, string what, IApiObserver observer) where T : class, IKeepsExtra
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read()) throw new JsonException($"EnDocs sent an empty {what}.");
        return Read(ref reader, type, what, observer);
    }

    private static T? Repair<T>(JsonNode? node, JsonTypeInfo<T> type, string what, IApiObserver observer) where T : class, IKeepsExtra
    {
        if (node is not JsonObject item)
        {
            observer.OnWarning($"EnDocs sent a {what} that is not a JSON object; it was left out.");
            return null;
        }
        var kept = new List<(string Key, JsonNode? Value)>();
        while (true)
        {
            try
            {
                var value = item.Deserialize(type);
                if (value is null) return null;
                foreach (var (key, moved) in kept) (value.Extra ??= new ExtraFields())[key] = Element(moved);
                return value;
            }
            catch (JsonException bad)
            {
                // A number or a boolean where text belongs is text, losslessly: no warning for that.
                if (kept.Count < MaxKept && TryAsText(item, type, bad.Path)) continue;
                if (kept.Count >= MaxKept || !TryDetach(item, bad.Path, out var key, out var moved))
                    throw new ApiException(EnDocsClient.ServiceName, ApiErrorKind.ProtocolError,
                        $"EnDocs sent a {what} that cannot be read{(bad.Path is null ? "" : $" (at {bad.Path})")}: {bad.Message}", bad);
                kept.Add((key, moved));
                observer.OnWarning($"EnDocs {what} field '{key}' came as a value of another kind than it takes; it is kept in Extra['{key}'] as sent.");
            }
        }
    }

    /// <summary>Takes the member a JSON path (<c>$.a.b</c>, <c>$['a']</c>, <c>$.a[2].b</c>) names out of <paramref name="root"/>.
    /// Only object members are taken: a path into an array takes the member that holds the array.</summary>
    private static bool TryDetach(JsonObject root, string? path, out string key, out JsonNode? value)
    {
        key = "";
        value = null;
        var segments = Segments(path);
        if (segments is null || segments.Count == 0 || segments[0].Index is not null) return false;
        var parent = root;
        var names = new List<string>();
        for (var i = 0; i < segments.Count; i++)
        {
            var name = segments[i].Name!;
            names.Add(name);
            var last = i == segments.Count - 1 || segments[i + 1].Index is not null;
            if (last)
            {
                if (!TryMember(parent, name, out var actual)) return false;
                value = parent[actual];
                parent.Remove(actual);
                key = string.Join(".", names);
                return true;
            }
            if (!TryMember(parent, name, out var next) || parent[next] is not JsonObject child) return false;
            parent = child;
        }
        return false;
    }

    /// <summary>Turns the member a path names into its text when it is a number or a boolean and the property it fills takes
    /// text (the fast path reads most text fields with the built-in string reader, which takes strings only).</summary>
    private static bool TryAsText(JsonObject root, JsonTypeInfo type, string? path)
    {
        var segments = Segments(path);
        if (segments is null || segments.Count == 0 || segments.Any(s => s.Index is not null)) return false;
        JsonObject parent = root;
        JsonTypeInfo info = type;
        for (var i = 0; i < segments.Count; i++)
        {
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, segments[i].Name, StringComparison.OrdinalIgnoreCase));
            if (property is null || !TryMember(parent, segments[i].Name!, out var actual)) return false;
            if (i < segments.Count - 1)
            {
                if (parent[actual] is not JsonObject child) return false;
                parent = child;
                info = info.Options.GetTypeInfo(property.PropertyType);
                continue;
            }
            if (property.PropertyType != typeof(string) || parent[actual] is not JsonValue value) return false;
            var element = value.GetValue<JsonElement>();
            if (element.ValueKind is not (JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)) return false;
            parent[actual] = JsonValue.Create(element.GetRawText());
            return true;
        }
        return false;
    }

    // The path names members as the type does (case-insensitive reads): find the one the object holds.
    private static bool TryMember(JsonObject parent, string name, out string actual)
    {
        foreach (var member in parent)
        {
            if (string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                actual = member.Key;
                return true;
            }
        }
        actual = name;
        return false;
    }

    private readonly record struct Segment(string? Name, int? Index);

    /// <summary>The steps of a System.Text.Json error path; null when it is not one.</summary>
    private static List<Segment>? Segments(string? path)
    {
        if (path is null || !path.StartsWith("$", StringComparison.Ordinal)) return null;
        var result = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
                result.Add(new Segment(path.Substring(i + 1, end - i - 1), null));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0) return null;
                result.Add(new Segment(path.Substring(i + 2, end - i - 2), null));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || !int.TryParse(path.Substring(i + 1, end - i - 1), out var index)) return null;
                result.Add(new Segment(null, index));
                i = end + 1;
            }
            else return null;
        }
        return result;
    }

    private static JsonElement Element(JsonNode? node)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"));
        return document.RootElement.Clone();
    }
}
