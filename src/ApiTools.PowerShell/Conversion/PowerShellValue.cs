using System.Collections;
using ApiTools.Common;

namespace ApiTools.PowerShell.Conversion;

/// <summary>Unwraps what a user passes as -Body (hashtables, PSCustomObjects, arrays, typed objects)
/// into plain dictionaries, lists and scalars that the client library can serialize.</summary>
internal static class PowerShellValue
{
    /// <summary>A -Body as JSON text: a string is sent as it is, anything else (hashtable, object) is serialized.</summary>
    public static string? ToJsonBody(object? body) =>
        body is null ? null : body is string text ? text : RawJson.Serialize(ToPlain(body));

    public static object? ToPlain(object? value, int depth = 0)
    {
        if (depth > 64) throw new PSArgumentException("The body nests deeper than 64 levels; is it self-referencing?");
        if (value is PSObject ps)
        {
            if (ps.BaseObject is PSCustomObject) return FromProperties(ps, depth);
            value = ps.BaseObject;
        }
        switch (value)
        {
            case null: return null;
            case string or bool or char: return value;
            case System.DateTime or System.DateTimeOffset or System.Guid: return value;
            case sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal: return value;
            case System.Enum e: return e.ToString();
            case IDictionary dictionary:
                var map = new Dictionary<string, object?>();
                foreach (DictionaryEntry entry in dictionary)
                    map[entry.Key?.ToString() ?? ""] = ToPlain(entry.Value, depth + 1);
                return map;
            case IEnumerable sequence:
                var list = new List<object?>();
                foreach (var item in sequence) list.Add(ToPlain(item, depth + 1));
                return list;
            default:
                return FromProperties(PSObject.AsPSObject(value), depth);
        }
    }

    private static Dictionary<string, object?> FromProperties(PSObject obj, int depth)
    {
        var map = new Dictionary<string, object?>();
        foreach (var property in obj.Properties)
        {
            if (!property.IsGettable) continue;
            map[property.Name] = ToPlain(property.Value, depth + 1);
        }
        return map;
    }
}
