namespace ApiTools.PlanFix.Models;

/// <summary>What every item read from PlanFix carries besides its own fields: the elements PlanFix sent that its model
/// does not name (kept, never dropped). Declared here, it is the last column of every item.</summary>
public abstract class PlanFixItem
{
    public PlanFixExtra Extra { get; set; } = new();
}
