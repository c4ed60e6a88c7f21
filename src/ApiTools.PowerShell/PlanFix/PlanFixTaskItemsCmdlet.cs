namespace ApiTools.PowerShell.PlanFix;

/// <summary>The PlanFix lists of one task's items (its actions, its files), streamed, with -TaskId binding from piped tasks;
/// or items by id.</summary>
public abstract class PlanFixTaskItemsCmdlet<T> : PlanFixCmdlet
{
    protected const string ByTaskSet = "ByTask";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTaskSet)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long TaskId { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    protected abstract IAsyncEnumerable<T> List(long taskId, PageRange range, CancellationToken cancellationToken);

    protected abstract Task<T> Get(long id, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            WriteEach(Id, Get);
            return;
        }
        if (Budget.Spent) return;
        WriteStream(List(TaskId, PagerCap, StopToken), target: TaskId, scope: $"task {TaskId}");
    }
}
