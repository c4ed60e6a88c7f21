namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix project; <see cref="ProjectId"/> repeats <see cref="Id"/> so that <c>Get-PlanFixProject | Get-PlanFixTask</c> binds.</summary>
public sealed class PlanFixProject
{
    public long Id { get; set; }
    public long ProjectId => Id;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? Status { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => Title ?? Id.ToString();
}
