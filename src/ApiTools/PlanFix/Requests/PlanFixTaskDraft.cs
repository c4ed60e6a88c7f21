namespace ApiTools.PlanFix.Requests;

/// <summary>What task.add needs (Title) and a change to a task may set; null members are left as they are.</summary>
public sealed class PlanFixTaskDraft
{
    /// <summary>The task to change (Set-PlanFixTask); not sent by task.add.</summary>
    public long? Id { get; set; }

    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>AVERAGE or HIGH (others go to the server, which judges).</summary>
    public string? Importance { get; set; }

    /// <summary>A status: its id, a system value (ACTIVE, COMPLETED…) or its name in the account's status sets.</summary>
    public string? Status { get; set; }

    /// <summary>A status by name, used where <see cref="Status"/> is absent or names the task's present status (so an
    /// edited StatusName column of a CSV takes effect while its Status column still holds the old id).</summary>
    public string? StatusName { get; set; }
    public long? OwnerId { get; set; }
    public long? ProjectId { get; set; }

    /// <summary>A contact's id; 0 takes the client off.</summary>
    public long? ClientId { get; set; }

    /// <summary>The parent task's id; 0 makes it a top-level task.</summary>
    public long? ParentId { get; set; }
    public IList<long>? WorkerIds { get; set; }
    public IList<long>? WorkerGroupIds { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public PlanFixCustomValues? CustomFields { get; set; }
}
