namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixProject: every project of the account streamed page by page, or projects by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixProject))]
public sealed class GetPlanFixProjectCommand : PlanFixListCmdlet<PlanFixProject>
{
    protected override IAsyncEnumerable<PlanFixProject> List(PageRange range, CancellationToken ct) => Client.GetProjectsAsync(range, ct);

    protected override Task<PlanFixProject> Get(long id, CancellationToken ct) => Client.GetProjectAsync(id, ct);
}
