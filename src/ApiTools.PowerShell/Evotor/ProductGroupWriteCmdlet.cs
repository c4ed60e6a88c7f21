namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// What New-EvotorProductGroup and Set-EvotorProductGroup share: the group's fields as parameters, and
/// the order a copy needs. A group whose parent is neither on the server nor sent yet waits until its parent comes
/// (parents before children, whatever the order of the input), and takes the id the server gave its parent; one still
/// waiting at the end has a parent neither in the input nor in the store, which is one error for that group.
/// </summary>
public abstract class ProductGroupWriteCmdlet : EvotorWriteCmdlet<ProductGroup>
{
    private readonly Dictionary<string, HashSet<string>> _present = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Store, string Id), string> _renamed = new();
    private readonly Dictionary<(string Store, string Parent), List<Item>> _waiting = new();
    private string? _made;

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The group to nest it in.</summary>
    [Parameter(ParameterSetName = ParametersSet)] [ValidateEvotorId] [ArgumentCompleter(typeof(EvotorIdCompleter))] public string? ParentId { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public string[]? Barcodes { get; set; }

    private protected override UnknownFields NewUnknownFields() => ProductGroupInput.NewUnknownFields();

    /// <summary>What to write for a group the server stored (its answer, or nothing without -PassThru).</summary>
    private protected virtual object? Result(ProductGroup draft, object? answer) => answer;

    private protected sealed override object? Output(ProductGroup draft, object? answer)
    {
        _made = (answer as ProductGroup)?.Id;
        return Result(draft, answer);
    }

    protected override void ProcessRecord()
    {
        if (ReadItem() is Item item) Place(item);
    }

    protected override void EndProcessing()
    {
        foreach (var waiting in _waiting)
            foreach (var item in waiting.Value)
                WriteApiError(new ApiValidationException(Service,
                    $"{item.Label} was not sent: its parent group {waiting.Key.Parent} is neither in the input nor in store {waiting.Key.Store}. " +
                    "Copy or create the parent first, or leave ParentId empty for a top-level group.",
                    new[] { new ApiViolation("ParentId", $"'{waiting.Key.Parent}' is not a group of store {waiting.Key.Store} nor of the input") }), item.Target);
        _waiting.Clear();
        base.EndProcessing();
    }

    /// <summary>Sends the group now when its parent is there, else keeps it until its parent has been sent.</summary>
    private void Place(Item item)
    {
        var group = item.Draft;
        if (group.ParentId is string given && _renamed.TryGetValue((StoreId, given), out var renamed)) group.ParentId = renamed;
        if (group.ParentId is string parent && !Present(parent))
        {
            if (!_waiting.TryGetValue((StoreId, parent), out var children)) _waiting[(StoreId, parent)] = children = new List<Item>();
            children.Add(item);
            return;
        }
        _made = null;
        SendItem(item);
        var made = _made; // the id the server gave it, when it answered (before any child is sent)
        // The ids its children may name it by: the one it was sent with, the one its row had (a copy's old id), the server's.
        var inputId = item.Fields.Text("Id")?.Trim();
        var ids = new[] { group.Id, inputId, made }.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        if (inputId is { Length: > 0 } && made is not null && made != inputId) _renamed[(StoreId, inputId)] = made;
        foreach (var id in ids)
        {
            Known(StoreId).Add(id!);
            if (!_waiting.TryGetValue((StoreId, id!), out var children)) continue;
            _waiting.Remove((StoreId, id!));
            foreach (var child in children)
            {
                child.Draft.ParentId = made ?? id;
                Place(child);
            }
        }
    }

    private bool Present(string groupId) => Known(StoreId).Contains(groupId) || (LoadStore(StoreId) && Known(StoreId).Contains(groupId));

    private HashSet<string> Known(string store) =>
        _present.TryGetValue(store, out var known) ? known : _present[store] = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _loaded = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the store's groups once, the first time a parent is not among those sent; true when it read them now.</summary>
    private bool LoadStore(string store)
    {
        if (!_loaded.Add(store)) return false;
        var known = Known(store);
        ForItem(store, () => Await(async ct =>
        {
            await foreach (var group in Client.GetProductGroupsAsync(store, default, ct).ConfigureAwait(false)) known.Add(group.Id);
            return true;
        }));
        return true;
    }
}
