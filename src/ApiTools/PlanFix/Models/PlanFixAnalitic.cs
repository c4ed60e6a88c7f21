namespace ApiTools.PlanFix.Models;

/// <summary>An analitic (аналитика): a form of rows added to actions. <see cref="Fields"/> come from analitic.getOptions.</summary>
public sealed class PlanFixAnalitic
{
    public long Id { get; set; }
    public long AnaliticId => Id;
    public string? Name { get; set; }
    public long? GroupId { get; set; }
    public string? GroupName { get; set; }
    public PlanFixFieldList Fields { get; set; } = new();
    public PlanFixExtra Extra { get; set; } = new();

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
