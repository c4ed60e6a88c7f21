namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix contact: <see cref="Id"/>, <see cref="UserId"/> and <see cref="General"/> are three different numbers.</summary>
public sealed class PlanFixContact
{
    public long Id { get; set; }
    public long? UserId { get; set; }
    public long? General { get; set; }
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"{Name} {LastName}".Trim();
}
