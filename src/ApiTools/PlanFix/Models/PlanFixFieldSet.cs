namespace ApiTools.PlanFix.Models;

/// <summary>What a handbook and an analitic share: an id, a name, a group, and fields (records and analitic rows are
/// written by the fields' ids and named from them).</summary>
public abstract class PlanFixFieldSet : PlanFixItem
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public long? GroupId { get; set; }
    public string? GroupName { get; set; }

    /// <summary>Filled when the item is read whole (handbook.getStructure, analitic.getOptions).</summary>
    public PlanFixFieldList Fields { get; set; } = new();

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
