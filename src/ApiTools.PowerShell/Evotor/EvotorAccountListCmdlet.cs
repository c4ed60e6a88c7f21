namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// Lists Evotor keeps per account (terminals, employees) that users still want per store: the stores
/// piped in are gathered, then the account's list is read once and filtered, instead of once per store.
/// </summary>
public abstract class EvotorAccountListCmdlet<T> : EvotorCmdlet
{
    private readonly HashSet<string> _stores = new();

    /// <summary>Only the items of these stores; binds from a Store on the pipeline.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[]? StoreId { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[] Id { get; set; } = null!;

    protected abstract IAsyncEnumerable<T> List(PageRange range, CancellationToken cancellationToken);

    protected abstract Task<T> Get(string id, CancellationToken cancellationToken);

    /// <summary>Whether the item belongs to one of <paramref name="stores"/>.</summary>
    protected abstract bool BelongsTo(T item, ISet<string> stores);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            WriteEach(Id, Get);
            return;
        }
        if (StoreId is not null) _stores.UnionWith(StoreId);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet)
        {
            // Filtered on our side: the pager must not stop at -First before the filter has had its say.
            if (_stores.Count == 0) WriteStream(List(PagerCap, StopToken));
            else WriteStream(List(default, StopToken), keep: item => BelongsTo(item, _stores));
        }
        base.EndProcessing();
    }
}
