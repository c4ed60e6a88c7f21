namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// Removal in batches: ids are gathered per store as they arrive (each confirmed with ShouldProcess) and
/// sent as <c>DELETE ?id=a,b,c</c> once 100 are waiting and at the end. A lone id is deleted by its own
/// path, so a missing one still reports Evotor.NotFound.
/// </summary>
public abstract class EvotorRemoveCmdlet : EvotorStoreItemCmdlet
{
    private readonly Dictionary<string, List<string>> _pending = new();

    /// <summary>Item ids; bind from items piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>The item's name, bound from an item piped in, so the prompt names it as well as its id; not typed.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
    public string? Name { get; set; }

    protected abstract string What { get; }

    protected abstract Task DeleteOneAsync(string storeId, string id, CancellationToken cancellationToken);

    protected abstract Task DeleteManyAsync(string storeId, IReadOnlyList<string> ids, CancellationToken cancellationToken);

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            var named = Id.Length == 1 && !string.IsNullOrWhiteSpace(Name) ? $"{What} '{Name}' ({id})" : $"{What} {id}";
            if (!ShouldProcess($"{named} in store {StoreId}", "Remove")) continue;
            if (!_pending.TryGetValue(StoreId, out var list)) _pending[StoreId] = list = new List<string>();
            list.Add(id);
            if (list.Count == ApiTools.Evotor.EvotorClient.MaxIdsPerDelete) Flush(StoreId);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var storeId in new List<string>(_pending.Keys)) Flush(storeId);
        base.EndProcessing();
    }

    private void Flush(string storeId)
    {
        var ids = _pending[storeId];
        _pending.Remove(storeId);
        if (ids.Count == 0) return;
        object target = ids.Count == 1 ? ids[0] : ids.ToArray();
        ForItem(target, () =>
        {
            Await(async ct =>
            {
                if (ids.Count == 1) await DeleteOneAsync(storeId, ids[0], ct).ConfigureAwait(false);
                else await DeleteManyAsync(storeId, ids, ct).ConfigureAwait(false);
                return true;
            });
            WriteVerbose($"Removed {ids.Count} {What}(s) from store {storeId}.");
        });
    }
}
