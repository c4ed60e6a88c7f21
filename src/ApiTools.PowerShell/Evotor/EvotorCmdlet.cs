namespace ApiTools.PowerShell.Evotor;

/// <summary>Base of every cmdlet that calls Evotor (connection resolution in <see cref="ServiceCmdlet{TConnection,TClient}"/>),
/// with the store walks that store-scoped lists share.</summary>
public abstract class EvotorCmdlet : ServiceCmdlet<EvotorConnection, EvotorClient>
{
    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;

    /// <summary>
    /// Writes a store-scoped list for the given stores, or for every store of the account when none
    /// are given: streamed store after store, page after page, with one -First/-Skip over the whole
    /// walk. A store that fails (no permission, say) is one error; the walk goes on.
    /// </summary>
    protected void WriteForStores<T>(IReadOnlyList<string>? storeIds, Func<string, PageRange, CancellationToken, IAsyncEnumerable<T>> list)
    {
        foreach (var storeId in storeIds ?? AllStoreIds())
        {
            if (Budget.Spent) return;
            WriteStream(() => list(storeId, PagerCap, StopToken), target: storeId, scope: $"store {storeId}");
        }
    }

    /// <summary>The store ids a by-id lookup needs: -StoreId, given or piped. Without one the call is a usage error.</summary>
    protected IReadOnlyList<string> StoreIdsForById()
    {
        var ids = MyInvocation.BoundParameters.TryGetValue("StoreId", out var value) ? value as string[] : null;
        if (ids is { Length: > 0 }) return ids;
        ThrowTerminatingError(CmdletError.StoreIdRequired,
            new PSArgumentException("-Id needs -StoreId: Evotor looks up products, groups and documents within a store."), null);
        return ids!;
    }

    private IReadOnlyList<string> AllStoreIds()
    {
        // Ids only: a few bytes a store, so the walk can say how far it has come.
        var ids = Await(async ct =>
        {
            var list = new List<string>();
            await foreach (var store in Client.GetStoresAsync(PageRange.All, ct).ConfigureAwait(false)) list.Add(store.Id);
            return list;
        });
        WriteVerbose($"No -StoreId: walking all {ids.Count} stores.");
        return ids;
    }
}
