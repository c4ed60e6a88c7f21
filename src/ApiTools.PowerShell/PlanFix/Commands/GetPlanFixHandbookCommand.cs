namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixHandbook: the account's handbooks (handbook.getList), or handbooks by id or name with their fields
/// (handbook.getStructure).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixHandbook", DefaultParameterSetName = ListSet)]
[OutputType(typeof(PlanFixHandbook))]
public sealed class GetPlanFixHandbookCommand : PlanFixCatalogCmdlet<PlanFixHandbook>
{
    protected override Task<IReadOnlyList<PlanFixHandbook>> List(CancellationToken ct) => Client.GetHandbooksAsync(ct);

    protected override Task<PlanFixHandbook> Get(long id, CancellationToken ct) => Client.GetHandbookAsync(id, ct);

    protected override Task<PlanFixHandbook> Resolve(string name, CancellationToken ct) => Client.ResolveHandbookAsync(name, ct);
}
