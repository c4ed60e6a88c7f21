namespace ApiTools.Evotor.Bulk;

/// <summary>What one call to the import produced: the rows now settled, and (dry run) the chunks planned.</summary>
public sealed class BulkStep
{
    public BulkStep(IReadOnlyList<BulkImportResult> results, IReadOnlyList<BulkChunkInfo> planned)
    {
        Results = results;
        Planned = planned;
    }

    public IReadOnlyList<BulkImportResult> Results { get; }
    public IReadOnlyList<BulkChunkInfo> Planned { get; }
}
