using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixFile: a task's files, streamed (file.getListForTask; binds -TaskId from a piped task), or files by id (file.get).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixFile", SupportsPaging = true, DefaultParameterSetName = ByTaskSet)]
[OutputType(typeof(PlanFixFile))]
public sealed class GetPlanFixFileCommand : PlanFixCmdlet
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
            foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetFileAsync(id, ct))));
            return;
        }
        if (Budget.Spent) return;
        WriteStream(Client.GetTaskFilesAsync(TaskId, PagerCap, StopToken), target: TaskId, scope: $"task {TaskId}");
    }
}
