namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix task, flat for Export-Csv. <see cref="TaskId"/> repeats <see cref="Id"/> so that
/// <c>Get-PlanFixTask | Get-PlanFixAction</c> binds -TaskId.</summary>
public sealed class PlanFixTask
{
    public long Id { get; set; }
    public long TaskId => Id;

    /// <summary>The number users see in PlanFix (#1234), not the API id.</summary>
    public long? General { get; set; }
    public string? Title { get; set; }

    /// <summary>HTML, as PlanFix keeps it.</summary>
    public string? Description { get; set; }

    /// <summary>AVERAGE, HIGH or LOW.</summary>
    public string? Importance { get; set; }

    /// <summary>1 new, 2 in work, 3 done, … (the account's status set decides the rest).</summary>
    public int? Status { get; set; }
    public long? StatusSet { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public long? ProjectId { get; set; }
    public string? ProjectTitle { get; set; }
    public long? ClientId { get; set; }
    public string? ClientName { get; set; }
    public DateTimeOffset? BeginDateTime { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The workers' names; prints as a;b.</summary>
    public StringList Workers { get; set; } = new();
    public StringList WorkerIds { get; set; } = new();

    /// <summary>Custom field name → value (its text where PlanFix gives one).</summary>
    public PlanFixFields CustomFields { get; set; } = new();
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"#{General?.ToString() ?? Id.ToString()} {Title}";
}
