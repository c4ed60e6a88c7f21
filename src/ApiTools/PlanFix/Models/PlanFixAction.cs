namespace ApiTools.PlanFix.Models;

/// <summary>An action on a task (a comment, a status change).</summary>
public sealed class PlanFixAction
{
    public long Id { get; set; }
    public long? TaskId { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? DateTime { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => Description ?? Id.ToString();
}
