using System.Text.Json;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Input;

namespace ApiTools.Evotor.Bulk;

/// <summary>
/// One bulk import, fed row by row (PowerShell pushes pipeline items; -Path reads a CSV): each row is
/// checked, given a deterministic id if it has none, and packed into chunks of at most 1000 items and
/// 10 MB; several chunks are sent and polled at once; results come back one per row, in input order,
/// as soon as every earlier row's outcome is known. Memory stays bounded by the chunks in flight, so a
/// million rows import in the space of a few chunks. With a checkpoint, a rerun after a crash or Ctrl+C
/// sends no finished chunk again and re-polls the ones still running. When a call throws (Ctrl+C, a
/// failure no later row can escape), every chunk still in flight is stopped and awaited first, so each
/// task the server accepted is in the checkpoint before the caller hears of the failure.
/// </summary>
public sealed class EvotorBulkImport : IDisposable
{
    private readonly EvotorClient _client;
    private readonly BulkImportOptions _options;
    private readonly BulkCheckpoint? _checkpoint;
    private readonly object _gate = new();
    private readonly SortedDictionary<long, BulkImportResult?> _ready = new(); // null: a row with nothing to report (dry run)
    private readonly Queue<Task> _inFlight = new();
    private readonly CancellationTokenSource _stop = new(); // stops every chunk once a call has failed
    private readonly List<BulkChunkInfo> _planned = new();
    private BulkChunk _current = new();
    private readonly List<BulkChunk.Item>? _groups; // product groups wait for the end, to go parents first
    private long _rows;
    private long _nextToEmit = 1;
    private int _chunks;

    public EvotorBulkImport(EvotorClient client, BulkImportOptions options)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.MaxItemsPerChunk is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(options), "MaxItemsPerChunk must be 1..1000.");
        if (options.ThrottleLimit < 1) throw new ArgumentOutOfRangeException(nameof(options), "ThrottleLimit must be at least 1.");
        if (options.TaskTimeout < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "TaskTimeout must not be negative.");
        if (options.CheckpointPath is not null && !options.DryRun) _checkpoint = new BulkCheckpoint(options.CheckpointPath, options);
        if (options.Kind == BulkKind.ProductGroup) _groups = new List<BulkChunk.Item>();
    }

    public BulkImportProgress Progress { get; } = new();

    /// <summary>The checkpoint line a crash had cut short, dropped when the checkpoint was opened; null when none was.</summary>
    public int? CheckpointCutLine => _checkpoint?.CutLine;

    /// <summary>Adds the next row (numbered from 1); returns the results now due, in order.</summary>
    public Task<BulkStep> AddAsync(InputFields row, CancellationToken cancellationToken = default) =>
        StopAllOnFailureAsync(() => AddCoreAsync(row, cancellationToken));

    /// <summary>Sends what is left, waits for every task, and returns the remaining results.</summary>
    public Task<BulkStep> CompleteAsync(CancellationToken cancellationToken = default) =>
        StopAllOnFailureAsync(() => CompleteCoreAsync(cancellationToken));

    /// <summary>Stops chunks still in flight (normally none: a call that fails has stopped them) and closes the checkpoint.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try { Task.WaitAll(_inFlight.ToArray(), _options.CancelGrace + TimeSpan.FromSeconds(1)); }
        catch (AggregateException) { /* stopped, or failed: nobody is left to hear it */ }
        _checkpoint?.Dispose();
    }

    private async Task<BulkStep> AddCoreAsync(InputFields row, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var number = ++_rows;
        // "row 4 (products.csv line 5) ('Молоко')": the data row, and for a file where it is, so the user can go to it.
        var label = $"row {number}" + (row.Origin is string origin ? $" ({origin})" : "") + (row.Text("Name") is string n ? $" ('{InputFields.Shorten(n)}')" : "");
        if (!TryPrepare(row, number, label, out var item, out var invalid))
        {
            lock (_gate) _ready[number] = invalid;
            Progress.Invalid++;
            return Step();
        }
        Progress.Validated++;
        if (_groups is not null) _groups.Add(item!);
        else await ChunkAsync(item!, cancellationToken).ConfigureAwait(false);
        return Step();
    }

    private async Task ChunkAsync(BulkChunk.Item item, CancellationToken cancellationToken)
    {
        if (_current.Items.Count > 0 && (_current.Items.Count >= _options.MaxItemsPerChunk || _current.BytesWith(item.Json) > _options.MaxBytesPerChunk))
            await CloseChunkAsync(cancellationToken).ConfigureAwait(false);
        _current.Add(item);
        if (_current.Items.Count >= _options.MaxItemsPerChunk) await CloseChunkAsync(cancellationToken).ConfigureAwait(false);
        await ObserveFinishedAsync().ConfigureAwait(false);
    }

    private async Task<BulkStep> CompleteCoreAsync(CancellationToken cancellationToken)
    {
        // Evotor stores a bulk's items in order, each checked as a single write: a group's parent must come before it.
        if (_groups is not null)
            foreach (var group in ParentsFirst(_groups)) await ChunkAsync(group, cancellationToken).ConfigureAwait(false);
        _groups?.Clear();
        if (_current.Items.Count > 0) await CloseChunkAsync(cancellationToken).ConfigureAwait(false);
        while (_inFlight.Count > 0) await _inFlight.Dequeue().ConfigureAwait(false);
        return Step();
    }

    /// <summary>
    /// Without this, chunks still in flight when a call throws would go on in the background: a task accepted
    /// a moment later would miss the checkpoint (closed by Dispose, or opened again by the rerun) and be sent twice.
    /// </summary>
    private async Task<BulkStep> StopAllOnFailureAsync(Func<Task<BulkStep>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch
        {
            _stop.Cancel();
            while (_inFlight.Count > 0)
            {
                try { await _inFlight.Dequeue().ConfigureAwait(false); }
                catch { /* stopped on purpose, or failed too: the first failure is the one to report */ }
            }
            throw;
        }
    }

    private bool TryPrepare(InputFields row, long number, string label, out BulkChunk.Item? item, out BulkImportResult? invalid)
    {
        item = null;
        invalid = null;
        try
        {
            byte[] json;
            string id;
            string? name;
            if (_options.Kind == BulkKind.Product)
            {
                var product = ProductInput.Read(row, label, requireId: false);
                product.Id = product.Id ?? MakeId(number, JsonSerializer.SerializeToUtf8Bytes(product, EvotorJsonContext.Default.Product));
                (id, name, json) = (product.Id, product.Name, JsonSerializer.SerializeToUtf8Bytes(product, EvotorJsonContext.Default.Product));
            }
            else
            {
                var group = ProductGroupInput.Read(row, label, requireId: false);
                group.Id = group.Id ?? MakeId(number, JsonSerializer.SerializeToUtf8Bytes(group, EvotorJsonContext.Default.ProductGroup));
                (id, name, json) = (group.Id, group.Name, JsonSerializer.SerializeToUtf8Bytes(group, EvotorJsonContext.Default.ProductGroup));
            }
            if (json.Length + 2 > _options.MaxBytesPerChunk)
            {
                invalid = Result(number, id, name, BulkImportResult.Invalid, "too_large",
                    $"{char.ToUpperInvariant(label[0])}{label.Substring(1)} is {json.Length:N0} bytes serialized; a bulk request takes at most {_options.MaxBytesPerChunk:N0}, so it was not sent.", null);
                return false;
            }
            item = new BulkChunk.Item(number, id, name, json, _options.Kind == BulkKind.ProductGroup ? ParentOf(json) : null);
            return true;
        }
        catch (ApiValidationException e)
        {
            invalid = Result(number, row.Text("Id"), row.Text("Name"), BulkImportResult.Invalid, "client_validation", e.Message, null);
            invalid.Violations = new ViolationList(e.Violations);
            return false;
        }
    }

    private static string? ParentOf(byte[] groupJson)
    {
        using var document = JsonDocument.Parse(groupJson);
        return document.RootElement.TryGetProperty("parent_id", out var parent) && parent.ValueKind == JsonValueKind.String ? parent.GetString() : null;
    }

    /// <summary>The groups in input order, except that a group whose parent is also in the input comes after it (groups
    /// in a loop of parents keep their place: the server refuses them, each with its reason).</summary>
    internal static IEnumerable<BulkChunk.Item> ParentsFirst(IReadOnlyList<BulkChunk.Item> groups)
    {
        var inInput = new HashSet<string>(groups.Select(g => g.Id), StringComparer.OrdinalIgnoreCase);
        var sent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var waiting = new Dictionary<string, List<BulkChunk.Item>>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<BulkChunk.Item>(groups.Count);
        void Send(BulkChunk.Item group)
        {
            ordered.Add(group);
            sent.Add(group.Id);
            if (waiting.TryGetValue(group.Id, out var children))
            {
                waiting.Remove(group.Id);
                foreach (var child in children) Send(child);
            }
        }
        foreach (var group in groups)
        {
            if (group.ParentId is string parent && inInput.Contains(parent) && !sent.Contains(parent))
            {
                if (!waiting.TryGetValue(parent, out var list)) waiting[parent] = list = new List<BulkChunk.Item>();
                list.Add(group);
            }
            else Send(group);
        }
        foreach (var left in groups.Where(g => !sent.Contains(g.Id))) ordered.Add(left);
        return ordered;
    }

    /// <summary>The same store, row position and content always give the same id, so reruns make the same chunks.</summary>
    private string MakeId(long row, byte[] contentWithoutId) =>
        NameBasedGuid.Create(NameBasedGuid.ImportNamespace, $"{_options.StoreId}\n{_options.KindName}\n{row}\n{Convert.ToBase64String(contentWithoutId)}").ToString();

    private async Task CloseChunkAsync(CancellationToken cancellationToken)
    {
        var chunk = _current;
        _current = new BulkChunk();
        chunk.Number = ++_chunks;
        if (_options.DryRun)
        {
            lock (_gate)
            {
                _planned.Add(chunk.Info);
                foreach (var item in chunk.Items) _ready[item.Row] = null;
            }
            return;
        }
        // Backpressure: no more than ThrottleLimit chunks in flight, so memory stays bounded. Groups go one chunk at a
        // time, so a later chunk's children find the parents an earlier chunk stored.
        while (_inFlight.Count >= (_groups is null ? _options.ThrottleLimit : 1)) await _inFlight.Dequeue().ConfigureAwait(false);
        _inFlight.Enqueue(RunChunkStoppableAsync(chunk, cancellationToken));
    }

    private async Task RunChunkStoppableAsync(BulkChunk chunk, CancellationToken cancellationToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        await RunChunkAsync(chunk, either.Token).ConfigureAwait(false);
    }

    /// <summary>Surfaces a failure that stops everything (bad token, retries spent) as soon as it happens.</summary>
    private async Task ObserveFinishedAsync()
    {
        while (_inFlight.Count > 0 && _inFlight.Peek().IsCompleted) await _inFlight.Dequeue().ConfigureAwait(false);
    }

    private async Task RunChunkAsync(BulkChunk chunk, CancellationToken cancellationToken)
    {
        var hash = chunk.Hash(_options);
        var known = _checkpoint?.Find(hash);
        BulkTask? task = null;
        string? taskId = null;
        if (known?.Task is string earlier)
        {
            // A task of an earlier run: collect it. One given up on before gets a single look.
            var abandoned = known.State == BulkCheckpoint.AbandonedState;
            try
            {
                var seen = await PollAsync(earlier, resumed: true, abandoned ? TimeSpan.Zero : _options.TaskTimeout, cancellationToken).ConfigureAwait(false);
                if (seen.IsFinished ? ServerSideFailures(seen, chunk) == 0 : !abandoned)
                {
                    (task, taskId) = (seen, earlier);
                    lock (_gate) Progress.ChunksResumed++;
                }
                else
                {
                    // Its items failed on the server's side, or it never finished: the same PUT again stores them
                    // under the same ids (should the old task still finish, it writes the same content).
                    lock (_gate) Progress.ChunksResent++;
                }
            }
            catch (ApiException gone) when (gone.Kind == ApiErrorKind.NotFound)
            {
                // Evotor no longer knows the task: send the chunk again (a PUT of client-made ids is safe to repeat).
                lock (_gate) Progress.ChunksResent++;
            }
        }
        if (taskId is null)
        {
            BulkTask accepted;
            try
            {
                accepted = await SendAsync(chunk, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException refused) when (!refused.StopsEverything)
            {
                Complete(chunk, null, refused.ErrorCode ?? refused.Kind.ToString(), refused.Message,
                    (refused as ApiValidationException)?.Violations);
                return;
            }
            taskId = accepted.Id;
            known = null;
            _checkpoint?.Accepted(hash, taskId, chunk.FirstRow, chunk.LastRow);
            lock (_gate)
            {
                Progress.Sent += chunk.Items.Count;
                Progress.ChunksSent++;
            }
        }

        task ??= await PollAsync(taskId, resumed: false, _options.TaskTimeout, cancellationToken).ConfigureAwait(false);
        if (!task.IsFinished)
        {
            _checkpoint?.Abandoned(hash, taskId, task.Status ?? "", chunk.FirstRow, chunk.LastRow);
            var collect = _checkpoint is null
                ? "its rows may still be stored; check with Get-EvotorBulkTask, or import with -CheckpointPath so that a rerun collects such a task or sends its chunk again"
                : "run the import again with the same -CheckpointPath: it collects the task if it has finished by then and sends the chunk again if not";
            Complete(chunk, taskId, "timeout", $"Task {taskId} was still {task.Status} after {Describe(_options.TaskTimeout)} of polling; {collect}.", null);
            return;
        }
        if (known?.State != "finished") _checkpoint?.Finished(hash, taskId, task.Status!, chunk.FirstRow, chunk.LastRow);
        Record(chunk, task);
    }

    /// <summary>
    /// Sends the chunk. A cancel that comes while the PUT is on its way gives it <see cref="BulkImportOptions.CancelGrace"/> to be
    /// answered: the server may already have made the task, and only its id in the checkpoint keeps the rerun
    /// from sending the same rows in a second task.
    /// </summary>
    private async Task<BulkTask> SendAsync(BulkChunk chunk, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var send = new CancellationTokenSource();
        using (cancellationToken.Register(() => { try { send.CancelAfter(_options.CancelGrace); } catch (ObjectDisposedException) { } }))
            return await _client.SendBulkAsync(_options.StoreId, _options.Kind, chunk.Body(), send.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Items the server failed without blaming the row (no violation named, or no detail at all): a rerun
    /// sends their chunk again. Items refused with violations would be refused again, so they are not.
    /// </summary>
    private static int ServerSideFailures(BulkTask task, BulkChunk chunk)
    {
        if (task.Status != "FAILED") return 0;
        var details = task.Details ?? new BulkTaskDetailList();
        return Math.Max(0, chunk.Items.Count - details.Count) + details.Count(d => !d.Ok && d.Violations.Count == 0);
    }

    private static string Describe(TimeSpan t) =>
        t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.#} s" : $"{t.TotalMilliseconds:0} ms";

    /// <summary>
    /// Polls until the task has finished, or returns it unfinished once <paramref name="patience"/> has passed
    /// (zero: one look). Evotor's tasks of one import take about the same time, so the
    /// time the first ones took (the midpoint between the last poll that saw them running and the one
    /// that saw them done) sets when to look at the next: first just before that, then in short steps.
    /// Before anything is learnt: a first look after <see cref="BulkImportOptions.FirstPoll"/>, then backoff.
    /// A resumed task is looked at at once (it has most likely finished while nobody watched).
    /// </summary>
    private async Task<BulkTask> PollAsync(string taskId, bool resumed, TimeSpan patience, CancellationToken cancellationToken)
    {
        var since = System.Diagnostics.Stopwatch.StartNew();
        var estimate = Estimate;
        var backoff = _options.FirstPoll;
        var wait = resumed ? TimeSpan.Zero : estimate is TimeSpan e ? TimeSpan.FromTicks((long)(e.Ticks * 0.9)) : _options.FirstPoll;
        var lastRunning = TimeSpan.Zero;
        while (true)
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            var lookedAt = since.Elapsed;
            var task = await _client.GetBulkTaskAsync(taskId, cancellationToken).ConfigureAwait(false);
            if (task.IsFinished)
            {
                if (!resumed) Learn(lastRunning, since.Elapsed);
                return task;
            }
            // Judged by when the look was sent, not answered: a slow answer must not turn a task that was only
            // running a moment ago into a timeout; a look sent after the patience that sees it running is proof.
            if (lookedAt >= patience) return task;
            lastRunning = since.Elapsed;
            if (estimate is TimeSpan known)
                wait = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(25).Ticks, known.Ticks / 10));
            else
            {
                wait = backoff;
                backoff = TimeSpan.FromTicks(Math.Min((long)(backoff.Ticks * 1.5), _options.MaxPoll.Ticks));
            }
        }
    }

    private TimeSpan? _estimate;

    private TimeSpan? Estimate
    {
        get { lock (_gate) return _estimate; }
    }

    private void Learn(TimeSpan lastSeenRunning, TimeSpan seenFinished)
    {
        var sample = TimeSpan.FromTicks((lastSeenRunning.Ticks + seenFinished.Ticks) / 2);
        lock (_gate) _estimate = _estimate is TimeSpan old ? TimeSpan.FromTicks((long)(old.Ticks * 0.7 + sample.Ticks * 0.3)) : sample;
    }

    /// <summary>One result per row of a finished task, from its details in order.</summary>
    private void Record(BulkChunk chunk, BulkTask task)
    {
        if (task.Status == "DECLINED")
        {
            Complete(chunk, task.Id, "declined", $"Evotor declined the whole chunk (task {task.Id}): the payload was refused and nothing was stored.", null);
            return;
        }
        var details = task.Details ?? new BulkTaskDetailList();
        lock (_gate)
        {
            for (var i = 0; i < chunk.Items.Count; i++)
            {
                var item = chunk.Items[i];
                var detail = i < details.Count ? details[i] : null;
                BulkImportResult result;
                if (detail is null)
                    result = Result(item.Row, item.Id, item.Name, BulkImportResult.Failed, "no_detail",
                        $"Task {task.Id} ended {task.Status} with {details.Count} details for {chunk.Items.Count} items; this row's outcome is unknown.", task.Id);
                else if (detail.Ok)
                    result = Result(item.Row, item.Id, item.Name, BulkImportResult.Ok, null, null, task.Id);
                else if (task.Status == "FAILED" && detail.Violations.Count == 0 && _checkpoint is not null)
                    result = Result(item.Row, item.Id, item.Name, BulkImportResult.Failed, detail.Code,
                        $"{detail.Message} (task {task.Id} failed this item without naming a field; a rerun with the same -CheckpointPath sends its chunk again)", task.Id);
                else
                    result = Result(item.Row, item.Id, item.Name, BulkImportResult.Failed, detail.Code, detail.Message, task.Id);
                if (detail is { Ok: false }) result.Violations = new ViolationList(detail.Violations);
                if (result.Status == BulkImportResult.Ok) Progress.Confirmed++; else Progress.Failed++;
                _ready[item.Row] = result;
            }
        }
    }

    private void Complete(BulkChunk chunk, string? taskId, string code, string message, IReadOnlyList<ApiViolation>? violations)
    {
        lock (_gate)
        {
            foreach (var item in chunk.Items)
            {
                var result = Result(item.Row, item.Id, item.Name, BulkImportResult.Failed, code, message, taskId);
                if (violations is not null) result.Violations = new ViolationList(violations);
                _ready[item.Row] = result;
                Progress.Failed++;
            }
        }
    }

    private static BulkImportResult Result(long row, string? id, string? name, string status, string? code, string? message, string? taskId) => new()
    {
        Row = row, Id = id, Name = name, Status = status, ErrorCode = code, Message = message, TaskId = taskId,
    };

    /// <summary>The results due now: every row whose predecessors are all known, in order.</summary>
    private BulkStep Step()
    {
        var results = new List<BulkImportResult>();
        List<BulkChunkInfo> planned;
        lock (_gate)
        {
            while (_ready.TryGetValue(_nextToEmit, out var result))
            {
                _ready.Remove(_nextToEmit);
                _nextToEmit++;
                if (result is not null) results.Add(result);
            }
            planned = new List<BulkChunkInfo>(_planned);
            _planned.Clear();
        }
        return new BulkStep(results, planned);
    }
}
