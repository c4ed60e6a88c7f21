namespace ApiTools.PlanFix.Requests;

/// <summary>What handbook.addRecord and handbook.updateRecord take: the record's values by field name or id.</summary>
public sealed class PlanFixHandbookRecordDraft
{
    /// <summary>The record to change (handbook.updateRecord).</summary>
    public long? Key { get; set; }

    /// <summary>The group to put it in; 0 or null for the top level.</summary>
    public long? ParentKey { get; set; }

    /// <summary>A group of records rather than a record (handbook.addRecord).</summary>
    public bool? IsGroup { get; set; }

    /// <summary>A group's name.</summary>
    public string? Name { get; set; }
    public bool? Archived { get; set; }
    public PlanFixCustomValues Values { get; set; } = new();
}
