namespace ApiTools.PlanFix.Requests;

/// <summary>task.getList filters; null members are not sent.</summary>
public sealed class PlanFixTaskQuery
{
    /// <summary>all (default: tasks the user sees), in, out, template, periodic, or a saved filter's id.</summary>
    public string? Target { get; set; }
    public long? ProjectId { get; set; }
    public int? Status { get; set; }

    /// <summary>ACTIVE, OVERDUE or MY.</summary>
    public string? Filter { get; set; }
}
