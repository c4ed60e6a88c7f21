namespace ApiTools.Evotor.Bulk;

/// <summary>How an import runs. Defaults follow Evotor's limits: 1000 items and 10 MB a request.</summary>
public sealed class BulkImportOptions
{
    public BulkImportOptions(string storeId, BulkKind kind = BulkKind.Product)
    {
        if (string.IsNullOrWhiteSpace(storeId)) throw new ArgumentException("A store id is required.", nameof(storeId));
        StoreId = storeId;
        Kind = kind;
    }

    public string StoreId { get; }
    public BulkKind Kind { get; }

    /// <summary>Items in one bulk request (Evotor: at most 1000).</summary>
    public int MaxItemsPerChunk { get; init; } = 1000;

    /// <summary>Serialized bytes in one bulk request; below Evotor's 10 MB whichever way "MB" is read.</summary>
    public int MaxBytesPerChunk { get; init; } = 10_000_000;

    /// <summary>Chunks sent and polled at once (all within the connection's shared rate limit).</summary>
    public int ThrottleLimit { get; init; } = 2;

    /// <summary>A file recording each chunk's hash and task as it is accepted and finished, so a rerun resumes.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Validate and plan chunks, send nothing.</summary>
    public bool DryRun { get; init; }

    public TimeSpan FirstPoll { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxPoll { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one run polls a task before giving up on it: its rows are reported Failed with code
    /// <c>timeout</c>. With a checkpoint, a rerun looks at such a task once more, collects it if it has
    /// finished and otherwise sends the chunk again (a PUT of the same ids and content).
    /// </summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long a bulk PUT already on its way may still take after a cancel (Ctrl+C) to bring back its task id, so
    /// the task is recorded and a rerun does not send its rows again. Short by default, because Ctrl+C must stop the
    /// command promptly: a healthy server answers in well under it, and a PUT left unanswered is only sent again by
    /// the rerun, which is harmless (same ids, same content).
    /// </summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(1);

    internal string KindName => Kind == BulkKind.Product ? "product" : "product-group";
}
