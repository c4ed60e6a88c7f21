namespace ApiTools.PlanFix.Models;

/// <summary>Named text values (custom fields by name, elements our models do not name yet) that print as <c>k=v;k=v</c>
/// for Export-Csv while <c>$task.CustomFields['Поле']</c> still works. Names match case-insensitively.</summary>
public sealed class PlanFixFields : Dictionary<string, string>
{
    public PlanFixFields() : base(StringComparer.OrdinalIgnoreCase) { }

    public override string ToString() => string.Join(";", this.Select(kv => kv.Key + "=" + kv.Value));
}
