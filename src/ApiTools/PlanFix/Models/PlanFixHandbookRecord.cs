namespace ApiTools.PlanFix.Models;

/// <summary>A record (or a group of records) of a handbook. Its <see cref="Values"/> carry field ids on the wire; their
/// names come from the handbook's structure, so <c>$record.Values['Цена']</c> works.</summary>
public sealed class PlanFixHandbookRecord : PlanFixItem
{
    public long HandbookId { get; set; }
    public string? HandbookName { get; set; }

    /// <summary>The record's key: what handbook fields of tasks and analitics hold.</summary>
    public long Key { get; set; }

    /// <summary>The group it is in; 0 at the top level.</summary>
    public long? ParentKey { get; set; }
    public bool IsGroup { get; set; }

    /// <summary>A group's name (records are named by their values).</summary>
    public string? Name { get; set; }
    public bool? Archived { get; set; }

    /// <summary>The groups above it, from the top, as names joined with '/'.</summary>
    public string? Path { get; set; }
    public PlanFixCustomFields Values { get; set; } = new();

    public override string ToString() => Name ?? Values.FirstOrDefault()?.ToString() ?? Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
