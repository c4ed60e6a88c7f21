using System.Collections;
using System.Globalization;
using System.Text.Json;
using ApiTools.PlanFix.Models;

namespace ApiTools.PlanFix.Serialization;

/// <summary>A value a user gave for a custom field or an analitic field, as PlanFix's XML takes it: numbers invariant,
/// true/false as 1/0, dates dd-MM-yyyy (with HH:mm when they have a time) in the connection's zone, and lists as the
/// reference asks: ids as <c>[12,34]</c>, other values as <c>["a","b"]</c>.</summary>
internal static class PlanFixValueText
{
    public static string Format(object? value, TimeZoneInfo zone) => value switch
    {
        null => "",
        string s => s,
        PlanFixCustomValue custom => custom.Value ?? "",
        bool b => b ? "1" : "0",
        DateTimeOffset o => PlanFixDates.Format(o, zone, o.TimeOfDay != TimeSpan.Zero),
        DateTime d => PlanFixDates.Format(d, zone, d.TimeOfDay != TimeSpan.Zero),
        IEnumerable items => List(items, zone),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string List(IEnumerable items, TimeZoneInfo zone)
    {
        var values = items.Cast<object?>().Where(v => v is not null).ToList();
        if (values.All(v => v is sbyte or byte or short or ushort or int or uint or long or ulong))
            return "[" + string.Join(",", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))) + "]";
        return JsonSerializer.Serialize(values.Select(v => Format(v, zone)).ToArray(),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
