namespace ApiTools.PlanFix.Requests;

/// <summary>One row of analitic data added with a comment (action.add): the values by field name or id.</summary>
public sealed class PlanFixAnaliticRow
{
    public PlanFixAnaliticRow(string analitic, PlanFixCustomValues values)
    {
        Analitic = analitic;
        Values = values;
    }

    /// <summary>The analitic's name or id.</summary>
    public string Analitic { get; }
    public PlanFixCustomValues Values { get; }
}
