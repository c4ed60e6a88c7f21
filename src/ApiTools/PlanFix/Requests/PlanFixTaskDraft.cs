namespace ApiTools.PlanFix.Requests;

/// <summary>What task.add needs (Title) and task.update may change; null members are not sent.</summary>
public sealed class PlanFixTaskDraft
{
    /// <summary>The task to change (Set-PlanFixTask); not sent by task.add.</summary>
    public long? Id { get; set; }

    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>AVERAGE, HIGH or LOW.</summary>
    public string? Importance { get; set; }
    public int? Status { get; set; }
    public long? OwnerId { get; set; }
    public long? ProjectId { get; set; }
    public IList<long>? WorkerIds { get; set; }
    public DateTimeOffset? EndTime { get; set; }
}
