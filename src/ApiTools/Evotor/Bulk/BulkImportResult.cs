using System.Collections.Generic;
using System.Linq;

namespace ApiTools.Evotor.Bulk;

/// <summary>
/// What became of one input row, in input order: <c>Ok</c> (the server confirmed it), <c>Failed</c>
/// (the server refused it), <c>Invalid</c> (it never left the client). Flat, so
/// <c>Where-Object Status -ne 'Ok' | Export-Csv errors.csv</c> gives a fix-and-retry file.
/// </summary>
public sealed class BulkImportResult
{
    public const string Ok = "Ok";
    public const string Failed = "Failed";
    public const string Invalid = "Invalid";

    /// <summary>The row's position in the input, from 1 (a CSV's data row number).</summary>
    public long Row { get; set; }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string Status { get; set; } = "";
    public string? ErrorCode { get; set; }
    public string? Message { get; set; }
    public ViolationList Violations { get; set; } = new();
    public string? TaskId { get; set; }

    public override string ToString() => $"{Row}: {Status} {Name ?? Id}";
}

/// <summary>Prints as <c>field: reason;field: reason</c>.</summary>
public sealed class ViolationList : List<ApiViolation>
{
    public ViolationList() { }
    public ViolationList(IEnumerable<ApiViolation> items) : base(items) { }

    public override string ToString() => string.Join(";", this.Select(v => v.ToString()));
}

/// <summary>A chunk as it would be sent (under -WhatIf) or was sent.</summary>
public sealed class BulkChunkInfo
{
    public int Number { get; set; }
    public long FirstRow { get; set; }
    public long LastRow { get; set; }
    public int Items { get; set; }
    public long Bytes { get; set; }

    public override string ToString() => $"chunk {Number}: rows {FirstRow}-{LastRow}, {Items} items, {Bytes / 1024.0:0.#} KB";
}

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
