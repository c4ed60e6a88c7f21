namespace ApiTools.PlanFix.Models;

/// <summary>A field of a handbook or an analitic (handbook.getStructure, analitic.getOptions): its id is what records and
/// analitic rows are written with.</summary>
public sealed class PlanFixField : PlanFixItem
{
    public long Id { get; set; }

    /// <summary>Its place in the structure.</summary>
    public int? Num { get; set; }
    public string? Name { get; set; }

    /// <summary>STRING, NUMBER, TEXT, DATE, TIME, TIMEPERIOD, CHECKBOX, LIST, HANDBOOK, USER, LOGINLIST… as PlanFix sends it.</summary>
    public string? Type { get; set; }

    /// <summary>A LIST field's values.</summary>
    public StringList List { get; set; } = new();

    /// <summary>A HANDBOOK field's handbook.</summary>
    public long? HandbookId { get; set; }

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
