namespace ApiTools.Evotor.Bulk;

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
