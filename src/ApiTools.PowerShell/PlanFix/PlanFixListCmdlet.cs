namespace ApiTools.PowerShell.PlanFix;

/// <summary>The PlanFix lists that are "all of them, paged, or these ids" (projects, contacts, users).</summary>
public abstract class PlanFixListCmdlet<T> : PlanFixCmdlet
{

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long[] Id { get; set; } = null!;

    protected abstract IAsyncEnumerable<T> List(PageRange range, CancellationToken cancellationToken);

    protected abstract Task<T> Get(long id, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteStream(List(PagerCap, StopToken));
            return;
        }
        WriteEach(Id, Get);
    }
}
