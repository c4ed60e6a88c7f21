namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// The store-scoped lists (products, groups, documents): a store's items streamed page by page, every store's without
/// -StoreId (one -First/-Skip over the walk), or items by id within the stores given.
/// </summary>
public abstract class EvotorStoreListCmdlet<T> : EvotorCmdlet
{

    /// <summary>Stores to list; binds from a Store, or an item of a store, on the pipeline. None: every store.</summary>
    // In every set and never mandatory: PowerShell prefers a set whose mandatory parameter the pipeline
    // fills, so a mandatory -StoreId in ById would turn `Get-EvotorStore | Get-X` into a prompt for -Id.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[]? StoreId { get; set; }

    /// <summary>Item ids (not bound from the pipeline: a piped store's Id is not a product's).</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[] Id { get; set; } = null!;

    private protected abstract IAsyncEnumerable<T> List(string storeId, PageRange cap, CancellationToken cancellationToken);

    private protected abstract Task<T> Get(string storeId, string id, CancellationToken cancellationToken);

    /// <summary>The stores a listing walks: -StoreId, or null for every store of the account (or none: nothing to list).</summary>
    private protected virtual bool TryListStores(out IReadOnlyList<string>? stores)
    {
        stores = StoreId;
        return true;
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var store in StoreIdsForById()) WriteEach(Id, (id, ct) => Get(store, id, ct));
            return;
        }
        if (TryListStores(out var stores)) WriteForStores(stores, List);
    }
}
