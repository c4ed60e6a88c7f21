namespace ApiTools.PlanFix.Models;

/// <summary>A handbook (справочник) of the account; <see cref="HandbookId"/> repeats <see cref="Id"/> so that
/// <c>Get-PlanFixHandbook | Get-PlanFixHandbookRecord</c> binds.</summary>
public sealed class PlanFixHandbook
{
    public long Id { get; set; }
    public long HandbookId => Id;
    public string? Name { get; set; }
    public long? GroupId { get; set; }
    public string? GroupName { get; set; }

    /// <summary>Filled by handbook.getStructure (Get-PlanFixHandbook -Id, and for every records listing).</summary>
    public PlanFixFieldList Fields { get; set; } = new();
    public PlanFixExtra Extra { get; set; } = new();

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
