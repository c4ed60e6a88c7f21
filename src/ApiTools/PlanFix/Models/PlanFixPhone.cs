namespace ApiTools.PlanFix.Models;

/// <summary>One phone of a contact: the number and its type (contact.getPhoneTypes).</summary>
public sealed class PlanFixPhone
{
    public string? Number { get; set; }
    public long? TypeId { get; set; }
    public string? TypeName { get; set; }

    public override string ToString() => Number ?? "";
}
