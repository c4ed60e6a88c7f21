namespace ApiTools.PlanFix.Models;

/// <summary>One status of one of the account's status sets (processes), as taskStatus.getListOfSet gives it.</summary>
public sealed class PlanFixTaskStatus : PlanFixItem
{
    /// <summary>The status set (process) it belongs to.</summary>
    public long StatusSetId { get; set; }
    public string? StatusSetName { get; set; }

    /// <summary>The status id: what a task's Status says and what task.changeStatus takes.</summary>
    public int Id { get; set; }
    public string? Name { get; set; }
    public string? Color { get; set; }

    /// <summary>True for statuses PlanFix counts as active (not finished).</summary>
    public bool? IsActive { get; set; }

    /// <summary>True where PlanFix watches deadlines in this status.</summary>
    public bool? HasDeadline { get; set; }

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
