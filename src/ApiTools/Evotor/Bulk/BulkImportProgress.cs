namespace ApiTools.Evotor.Bulk;

/// <summary>Counts for progress: rows validated, sent, confirmed.</summary>
public sealed class BulkImportProgress
{
    public long Validated { get; internal set; }
    public long Invalid { get; internal set; }
    public long Sent { get; internal set; }
    public long Confirmed { get; internal set; }
    public long Failed { get; internal set; }
    public int ChunksSent { get; internal set; }
    public int ChunksResumed { get; internal set; }

    /// <summary>Chunks of an earlier run sent again: their task failed items on the server's side, never finished, or is unknown to the server.</summary>
    public int ChunksResent { get; internal set; }
}
