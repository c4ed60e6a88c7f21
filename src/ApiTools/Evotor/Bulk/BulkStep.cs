using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Input;

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
