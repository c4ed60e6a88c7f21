namespace ApiTools.Emulator.Evotor;

/// <summary>
/// One store's product groups, sorted by id, copy-on-write: readers take the current snapshot (list and
/// index by id) without locking; writers hold the store's gate (<see cref="EvotorStoreData.Gate"/>).
/// Groups are few, so each write copies the list.
/// </summary>
internal sealed class EvotorGroupStore
{
    private readonly GroupSnapshot _seeded;
    private GroupSnapshot _current;

    public EvotorGroupStore(IEnumerable<SeedProductGroup> groups)
    {
        _seeded = new GroupSnapshot([.. groups.OrderBy(g => g.Id, StringComparer.Ordinal)]);
        _current = _seeded;
    }

    private GroupSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The groups as they are now, sorted by id (an immutable list).</summary>
    public IReadOnlyList<SeedProductGroup> All => Current.Items;

    public SeedProductGroup? Find(string id) => Current.ById.GetValueOrDefault(id);

    /// <summary>Creates or replaces a group. Call under the store's gate.</summary>
    public void Upsert(SeedProductGroup group)
    {
        var list = new List<SeedProductGroup>(Current.Items);
        var index = SortedById.Search(0, list.Count, i => list[i].Id, group.Id);
        if (index >= 0) list[index] = group; else list.Insert(~index, group);
        Volatile.Write(ref _current, new GroupSnapshot([.. list]));
    }

    /// <summary>Deletes the groups with these ids (missing ones are ignored); returns how many went. Call under the store's gate.</summary>
    public int Delete(IEnumerable<string> ids)
    {
        var doomed = new HashSet<string>(ids, StringComparer.Ordinal);
        var items = Current.Items;
        SeedProductGroup[] kept = [.. items.Where(g => !doomed.Contains(g.Id))];
        if (kept.Length == items.Length) return 0;
        Volatile.Write(ref _current, new GroupSnapshot(kept));
        return items.Length - kept.Length;
    }

    /// <summary>Back to the seeded groups (a reset).</summary>
    public void Restore() => Volatile.Write(ref _current, _seeded);

    private sealed class GroupSnapshot(SeedProductGroup[] items)
    {
        public SeedProductGroup[] Items { get; } = items;
        public Dictionary<string, SeedProductGroup> ById { get; } = items.ToDictionary(g => g.Id, StringComparer.Ordinal);
    }
}
