using System.Text.Json;

namespace ApiTools.Tests.Contract;

/// <summary>The shape of a JSON value: every path (array positions folded into <c>[]</c>, keys that are ids into <c>{id}</c>)
/// with the kind of value found there (object, array, string, number, boolean). A null is no value: the references use it
/// for "absent".</summary>
public static class Shape
{
    public static HashSet<string> Of(JsonElement element)
    {
        var shape = new HashSet<string>(StringComparer.Ordinal);
        Walk(element, "$", shape);
        return shape;
    }

    /// <summary>The shape of every element of <paramref name="items"/> together, under one path.</summary>
    public static HashSet<string> OfAll(IEnumerable<JsonElement> items, string path = "$")
    {
        var shape = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items) Walk(item, path, shape);
        return shape;
    }

    private static void Walk(JsonElement element, string path, HashSet<string> shape)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                shape.Add(path + ":object");
                // A map keyed by ids (attribute id → choice id) has one shape whatever its keys: "{id}".
                foreach (var p in element.EnumerateObject()) Walk(p.Value, path + "." + (Guid.TryParse(p.Name, out _) ? "{id}" : p.Name), shape);
                break;
            case JsonValueKind.Array:
                shape.Add(path + ":array");
                foreach (var item in element.EnumerateArray()) Walk(item, path + "[]", shape);
                break;
            case JsonValueKind.String: shape.Add(path + ":string"); break;
            case JsonValueKind.Number: shape.Add(path + ":number"); break;
            case JsonValueKind.True or JsonValueKind.False: shape.Add(path + ":boolean"); break;
        }
    }

    /// <summary>Fails naming every path (and kind) of <paramref name="published"/> that <paramref name="served"/> lacks.</summary>
    public static void AssertCovers(HashSet<string> published, HashSet<string> served, string what)
    {
        var missing = published.Where(p => !served.Contains(p)).OrderBy(p => p, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{what}: the emulator's answer lacks {missing.Count} path(s) the published one has (or has them of another kind):\n  "
            + string.Join("\n  ", missing));
    }
}
