namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixTaskStatus: the statuses of the account's status sets (taskStatus.getSetList and
/// taskStatus.getListOfSet), read once per connection and kept: the names -Status takes.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixTaskStatus")]
[OutputType(typeof(PlanFixTaskStatus))]
public sealed class GetPlanFixTaskStatusCommand : PlanFixCmdlet
{
    /// <summary>Only the statuses of this status set (process).</summary>
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long? StatusSet { get; set; }

    protected override void ProcessRecord()
    {
        ForItem(StatusSet, () =>
        {
            foreach (var status in Await(ct => Client.GetTaskStatusesAsync(ct)))
                if (StatusSet is null || status.StatusSetId == StatusSet) WriteObject(status);
        });
    }
}
