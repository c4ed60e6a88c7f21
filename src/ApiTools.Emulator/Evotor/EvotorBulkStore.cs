namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Bulk tasks, sorted by id. Readers get an immutable snapshot, so a later writer (POST/PUT with
/// +bulk, and the ACCEPTED → RUNNING → COMPLETED|FAILED progression) can add or replace tasks under
/// the lock while pages are being served.
/// </summary>
internal sealed class EvotorBulkStore
{
    private readonly Lock _gate = new();
    private SeedBulkTask[] _tasks;

    public EvotorBulkStore(IEnumerable<SeedBulkTask> tasks) =>
        _tasks = [.. tasks.OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>The tasks as they are now, sorted by id.</summary>
    public IReadOnlyList<SeedBulkTask> Snapshot() => Volatile.Read(ref _tasks);

    public SeedBulkTask? Find(string id)
    {
        var tasks = Snapshot();
        var index = BinarySearch(tasks, id);
        return index >= 0 ? tasks[index] : null;
    }

    /// <summary>Adds a task, or replaces the one with its id (a status change).</summary>
    public void Put(SeedBulkTask task)
    {
        lock (_gate)
        {
            var list = new List<SeedBulkTask>(_tasks);
            var index = BinarySearch(list, task.Id);
            if (index >= 0) list[index] = task; else list.Insert(~index, task);
            Volatile.Write(ref _tasks, [.. list]);
        }
    }

    private static int BinarySearch(IReadOnlyList<SeedBulkTask> tasks, string id)
    {
        int lo = 0, hi = tasks.Count - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var c = string.CompareOrdinal(tasks[mid].Id, id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }
}
