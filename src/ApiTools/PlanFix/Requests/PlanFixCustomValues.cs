namespace ApiTools.PlanFix.Requests;

/// <summary>Custom field values to write, as a user gave them: each keyed by the field's name or id (names resolve to ids
/// from the account's objects before anything is sent), the value as given (text, a number, a date, true/false, a list).</summary>
public sealed class PlanFixCustomValues : List<KeyValuePair<string, object?>>
{
    public void Add(string nameOrId, object? value) => Add(new KeyValuePair<string, object?>(nameOrId, value));
}
