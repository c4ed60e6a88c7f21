namespace ApiTools.PlanFix.Models;

/// <summary>An analitic (аналитика): a form of rows added to actions; its fields come from analitic.getOptions.</summary>
public sealed class PlanFixAnalitic : PlanFixFieldSet
{
    public long AnaliticId => Id;
}
