namespace ApiTools.PlanFix.Models;

/// <summary>The fields of a handbook or an analitic; prints as <c>Name (TYPE);…</c>. <c>$analitic.Fields['Кол-во']</c> finds one by name or id.</summary>
public sealed class PlanFixFieldList : List<PlanFixField>
{
    public PlanFixField? this[string nameOrId]
    {
        get
        {
            foreach (var field in this)
                if (string.Equals(field.Name, nameOrId, StringComparison.OrdinalIgnoreCase)) return field;
            return long.TryParse(nameOrId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? this.FirstOrDefault(f => f.Id == id)
                : null;
        }
    }

    public override string ToString() => string.Join(";", this.Select(f => f.Type is null ? f.ToString() : $"{f} ({f.Type})"));
}
