namespace ApiTools.PlanFix.Models;

/// <summary>A handbook (справочник) of the account; <see cref="HandbookId"/> repeats <see cref="PlanFixFieldSet.Id"/> so that
/// <c>Get-PlanFixHandbook | Get-PlanFixHandbookRecord</c> binds.</summary>
public sealed class PlanFixHandbook : PlanFixFieldSet
{
    public long HandbookId => Id;
}
