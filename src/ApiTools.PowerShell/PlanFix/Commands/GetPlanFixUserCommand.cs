namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixUser: every user of the account streamed page by page, or users by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixUser))]
public sealed class GetPlanFixUserCommand : PlanFixListCmdlet<PlanFixUser>
{
    protected override IAsyncEnumerable<PlanFixUser> List(PageRange range, CancellationToken ct) => Client.GetUsersAsync(range, ct);

    protected override Task<PlanFixUser> Get(long id, CancellationToken ct) => Client.GetUserAsync(id, ct);
}
