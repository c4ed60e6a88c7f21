using System.Text.Json;

namespace ApiTools.PowerShell.Conversion;

/// <summary>The one converter from the client library's raw JSON to what PowerShell users expect:
/// objects become PSCustomObjects, arrays object[], numbers long/decimal/double.</summary>
internal static class JsonToPSObject
{
    /// <summary>Converts a stream of JSON items as they arrive (the escape hatches' -All).</summary>
    public static async System.Collections.Generic.IAsyncEnumerable<object?> ConvertAll(System.Collections.Generic.IAsyncEnumerable<JsonElement> source)
    {
        await foreach (var item in System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(source, false)) yield return Convert(item);
    }

    public static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new PSObject();
                foreach (var property in element.EnumerateObject())
                    obj.Properties.Add(new PSNoteProperty(property.Name, Convert(property.Value)));
                return obj;
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray()) items[i++] = Convert(item);
                return items;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole)) return whole;
                if (element.TryGetDecimal(out var money)) return money; // prices stay exact
                return element.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }
}
