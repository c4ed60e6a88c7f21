namespace ApiTools.PlanFix.Models;

public sealed class PlanFixUser
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public bool? Active { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"{Name} {LastName}".Trim();
}
