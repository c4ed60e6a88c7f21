namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixFile: a task's files, streamed (file.getListForTask; binds -TaskId from a piped task), or files by id (file.get).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixFile", SupportsPaging = true, DefaultParameterSetName = ByTaskSet)]
[OutputType(typeof(PlanFixFile))]
public sealed class GetPlanFixFileCommand : PlanFixTaskItemsCmdlet<PlanFixFile>
{
    protected override IAsyncEnumerable<PlanFixFile> List(long taskId, PageRange range, CancellationToken ct) => Client.GetTaskFilesAsync(taskId, range, ct);

    protected override Task<PlanFixFile> Get(long id, CancellationToken ct) => Client.GetFileAsync(id, ct);
}
