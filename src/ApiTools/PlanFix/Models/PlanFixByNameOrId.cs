using System.Globalization;

namespace ApiTools.PlanFix.Models;

/// <summary>How the lists of PlanFix's fields find one by what a user types: its name (case-insensitive), else its id.</summary>
internal static class PlanFixByNameOrId
{
    public static T? Find<T>(IEnumerable<T> items, string nameOrId, Func<T, string?> name, Func<T, long> id) where T : class
    {
        foreach (var item in items)
            if (string.Equals(name(item), nameOrId, StringComparison.OrdinalIgnoreCase)) return item;
        return long.TryParse(nameOrId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? items.FirstOrDefault(item => id(item) == number)
            : null;
    }
}
