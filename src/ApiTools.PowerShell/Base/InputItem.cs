using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using ApiTools.Input;

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

    public static InputFields Fields(IDictionary<string, object?> parameters) => new(parameters);

    /// <summary>How errors name the item: its place in the input (a CSV's data row) and its name or id.</summary>
    public static string Label(long position, InputFields fields)
    {
        var name = fields.Text("Name") ?? fields.Text("Id");
        return name is null ? $"item {position}" : $"item {position} ('{InputFields.Shorten(name)}')";
    }

    private static object? Unwrap(object? value) => value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
}
