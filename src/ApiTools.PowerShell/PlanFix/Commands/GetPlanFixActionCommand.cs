using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixAction: the actions (comments) of a task, streamed (binds -TaskId from a piped task), or actions by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixAction", SupportsPaging = true, DefaultParameterSetName = ByTaskSet)]
[OutputType(typeof(PlanFixAction))]
public sealed class GetPlanFixActionCommand : PlanFixCmdlet
{
    private const string ByTaskSet = "ByTask";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTaskSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long TaskId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetActionAsync(id, ct))));
            return;
        }
        if (Budget.Spent) return;
        WriteStream(Client.GetActionsAsync(TaskId, PagerCap, StopToken), target: TaskId, scope: $"task {TaskId}");
    }
}
