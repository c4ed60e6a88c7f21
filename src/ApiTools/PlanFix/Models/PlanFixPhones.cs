namespace ApiTools.PlanFix.Models;

/// <summary>A contact's phones; prints as the numbers, <c>a;b</c>, which Set-PlanFixContact reads back.</summary>
public sealed class PlanFixPhones : List<PlanFixPhone>
{
    public override string ToString() => string.Join(StringList.Separator.ToString(), this.Select(p => p.Number));
}
