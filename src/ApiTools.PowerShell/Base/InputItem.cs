using System.Collections;

namespace ApiTools.PowerShell.Base;

/// <summary>Whatever came down the pipeline (a typed object, an Import-Csv row, a hashtable) as named
/// values for the client library's input readers, one level deep, PowerShell wrappers removed.</summary>
internal static class InputItem
{
    public static InputFields Fields(object input)
    {
        var values = new List<KeyValuePair<string, object?>>();
        var unwrapped = input is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : input;
        if (unwrapped is IDictionary dictionary)
        {
            foreach (DictionaryEntry e in dictionary) values.Add(new(e.Key?.ToString() ?? "", Unwrap(e.Value)));
        }
        else
        {
            foreach (var property in PSObject.AsPSObject(input).Properties)
            {
                if (!property.IsGettable || property.Name == "Extra") continue;
                object? value;
                try { value = property.Value; }
                catch (GetValueException) { continue; }
                values.Add(new(property.Name, Unwrap(value)));
            }
        }
        return new InputFields(values);
    }

    /// <summary>How errors name the item: its place in the input (a CSV's data row) and the first of
    /// <paramref name="names"/> it has (its name, title, id or key).</summary>
    public static string Label(long position, InputFields fields, params string[] names)
    {
        foreach (var field in names)
            if (fields.Text(field) is { Length: > 0 } name) return $"item {position} ('{InputFields.Shorten(name)}')";
        return $"item {position}";
    }

    private static object? Unwrap(object? value) => value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
}
