namespace ApiTools.PlanFix.Models;

/// <summary>The fields of a handbook or an analitic; prints as <c>Name (TYPE);…</c>. <c>$analitic.Fields['Кол-во']</c> finds one by name or id.</summary>
public sealed class PlanFixFieldList : List<PlanFixField>
{
    /// <summary>The field of this name (case-insensitive), else of this id; null when there is none.</summary>
    public PlanFixField? this[string nameOrId] => PlanFixByNameOrId.Find(this, nameOrId, f => f.Name, f => f.Id);

    public override string ToString() => string.Join(";", this.Select(f => f.Type is null ? f.ToString() : $"{f} ({f.Type})"));
}
