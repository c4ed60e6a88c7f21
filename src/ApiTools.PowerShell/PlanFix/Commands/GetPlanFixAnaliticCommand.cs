namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixAnalitic: the account's analitics (analitic.getList), or analitics by id or name with their fields
/// (analitic.getOptions): the names and types Add-PlanFixComment -AnaliticData takes.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixAnalitic", DefaultParameterSetName = ListSet)]
[OutputType(typeof(PlanFixAnalitic))]
public sealed class GetPlanFixAnaliticCommand : PlanFixCatalogCmdlet<PlanFixAnalitic>
{
    protected override Task<IReadOnlyList<PlanFixAnalitic>> List(CancellationToken ct) => Client.GetAnaliticsAsync(ct);

    protected override Task<PlanFixAnalitic> Get(long id, CancellationToken ct) => Client.GetAnaliticAsync(id, ct);

    protected override Task<PlanFixAnalitic> Resolve(string name, CancellationToken ct) => Client.ResolveAnaliticAsync(name, ct);
}
