namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixAction: the actions (comments) of a task, streamed; binds -TaskId from a piped task. Or actions by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixAction", SupportsPaging = true, DefaultParameterSetName = ByTaskSet)]
[OutputType(typeof(PlanFixAction))]
public sealed class GetPlanFixActionCommand : PlanFixTaskItemsCmdlet<PlanFixAction>
{
    protected override IAsyncEnumerable<PlanFixAction> List(long taskId, PageRange range, CancellationToken ct) => Client.GetActionsAsync(taskId, range, ct);

    protected override Task<PlanFixAction> Get(long id, CancellationToken ct) => Client.GetActionAsync(id, ct);
}
