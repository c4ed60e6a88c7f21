using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixAction: the actions (comments) of a task, streamed; binds -TaskId from a piped task.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixAction", SupportsPaging = true)]
[OutputType(typeof(PlanFixAction))]
public sealed class GetPlanFixActionCommand : PlanFixCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long TaskId { get; set; }

    protected override void ProcessRecord()
    {
        if (Budget.Spent) return;
        WriteStream(Client.GetActionsAsync(TaskId, PagerCap, StopToken), target: TaskId, scope: $"task {TaskId}");
    }
}
