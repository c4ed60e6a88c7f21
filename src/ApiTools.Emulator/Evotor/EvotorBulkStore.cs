using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Bulk tasks, sorted by id. Readers get an immutable snapshot; writers (a new task, a status change)
/// replace it under the lock. Accepted tasks also wait in a pending list until they finish: their status
/// is worked out from the time since acceptance whenever Evotor data is read (<see cref="Advance"/>),
/// so no timer or thread runs behind them.
/// </summary>
internal sealed class EvotorBulkStore
{
    private readonly Lock _gate = new();
    private readonly SeedBulkTask[] _seeded;
    private readonly List<BulkJob> _pending = [];
    private SeedBulkTask[] _tasks;
    private int _pendingCount;

    public EvotorBulkStore(IEnumerable<SeedBulkTask> tasks)
    {
        _seeded = [.. tasks.OrderBy(t => t.Id, StringComparer.Ordinal)];
        _tasks = _seeded;
    }

    /// <summary>The tasks as they are now, sorted by id.</summary>
    public IReadOnlyList<SeedBulkTask> Snapshot() => Volatile.Read(ref _tasks);

    public SeedBulkTask? Find(string id)
    {
        var tasks = Snapshot();
        var index = SortedById.Search(0, tasks.Count, i => tasks[i].Id, id);
        return index >= 0 ? tasks[index] : null;
    }

    /// <summary>Adds a task, or replaces the one with its id (a status change).</summary>
    public void Put(SeedBulkTask task)
    {
        lock (_gate)
        {
            var list = new List<SeedBulkTask>(_tasks);
            var index = SortedById.Search(0, list.Count, i => list[i].Id, task.Id);
            if (index >= 0) list[index] = task; else list.Insert(~index, task);
            Volatile.Write(ref _tasks, [.. list]);
        }
    }

    /// <summary>Records a newly accepted task (status ACCEPTED) and keeps its items until it finishes.</summary>
    public void Accept(BulkJob job)
    {
        lock (_gate)
        {
            Put(job.Task);
            _pending.Add(job);
            Volatile.Write(ref _pendingCount, _pending.Count);
        }
    }

    /// <summary>
    /// Moves every pending task to its status at <paramref name="now"/>: ACCEPTED for the first third of
    /// <paramref name="duration"/>, RUNNING until its end, then whatever <paramref name="finish"/> (which
    /// stores the items) says. modified_at is the moment of the change, not the moment it was noticed.
    /// Tasks finish in the order they were accepted.
    /// </summary>
    public void Advance(DateTimeOffset now, TimeSpan duration, Func<BulkJob, DateTimeOffset, (string Status, IReadOnlyList<SeedBulkDetail>? Details)> finish)
    {
        if (Volatile.Read(ref _pendingCount) == 0) return;
        lock (_gate)
        {
            for (var i = 0; i < _pending.Count; i++)
            {
                var job = _pending[i];
                var elapsed = now - job.AcceptedAt;
                SeedBulkTask next;
                if (job.Outcome != "stuck" && elapsed >= duration)
                {
                    var at = job.AcceptedAt + duration;
                    var (status, details) = finish(job, at);
                    next = job.Task with { Status = status, Details = details, ModifiedAt = Later(job.Task.ModifiedAt, at) };
                    _pending.RemoveAt(i--);
                }
                else if (elapsed >= duration / 3 && job.Task.Status == "ACCEPTED")
                {
                    next = job.Task with { Status = "RUNNING", ModifiedAt = Later(job.Task.ModifiedAt, job.AcceptedAt + duration / 3) };
                }
                else continue;
                job.Task = next;
                Put(next);
            }
            Volatile.Write(ref _pendingCount, _pending.Count);
        }
    }

    /// <summary>Back to the seeded tasks; accepted ones are dropped unfinished (a reset).</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _pending.Clear();
            Volatile.Write(ref _pendingCount, 0);
            Volatile.Write(ref _tasks, _seeded);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => EvotorSeed.TruncateToMilliseconds(a > b ? a : b);
}

/// <summary>
/// An accepted bulk request waiting to finish: its store, whether items carry their ids (PUT) or get new
/// ones (POST), the items themselves, and an injected outcome ("stuck", "failed") if a fault asked for one.
/// </summary>
internal sealed class BulkJob(SeedBulkTask task, string storeId, bool clientIds, JsonElement[] items, DateTimeOffset acceptedAt, string? outcome)
{
    public SeedBulkTask Task { get; set; } = task;
    public string StoreId => storeId;
    public bool ClientIds => clientIds;
    public JsonElement[] Items => items;
    public DateTimeOffset AcceptedAt => acceptedAt;
    public string? Outcome => outcome;
    public bool Groups => Task.Type == "product-group";
}
