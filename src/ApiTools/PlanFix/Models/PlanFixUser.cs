namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix user (employee). <see cref="Active"/> comes from the status (ACTIVE/UNACTIVE) or, without one, the activation PlanFix sends.</summary>
public sealed class PlanFixUser : PlanFixItem
{
    public long Id { get; set; }
    public long? General { get; set; }
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? Login { get; set; }
    public string? Email { get; set; }

    /// <summary>ADMIN, USER or TECHADMIN.</summary>
    public string? Role { get; set; }

    /// <summary>ACTIVE or UNACTIVE, as PlanFix sends it.</summary>
    public string? Status { get; set; }
    public bool? Active { get; set; }

    public override string ToString() => string.Join(" ", new[] { Name, LastName }.Where(s => !string.IsNullOrEmpty(s)));
}
