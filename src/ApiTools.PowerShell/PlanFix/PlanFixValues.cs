using System.Collections;
using ApiTools.PowerShell.Conversion;

namespace ApiTools.PowerShell.PlanFix;

/// <summary>Parameter values as the PlanFix client takes them: dates as PowerShell gives them (local unless UTC), and
/// -CustomField hashtables as field → value pairs with PowerShell's wrappers removed.</summary>
internal static class PlanFixValues
{
    public static DateTimeOffset? Date(DateTime? value) =>
        value is not DateTime d ? null : d.Kind == DateTimeKind.Utc ? new DateTimeOffset(d) : new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Local));

    public static PlanFixCustomValues? Custom(IDictionary? map)
    {
        if (map is null || map.Count == 0) return null;
        var values = new PlanFixCustomValues();
        foreach (DictionaryEntry e in map) values.Add(e.Key?.ToString() ?? "", PowerShellValue.ToPlain(e.Value));
        return values;
    }
}
