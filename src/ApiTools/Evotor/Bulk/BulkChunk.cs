using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace ApiTools.Evotor.Bulk;

/// <summary>Rows bound for one bulk request, serialized once. Its hash (store, kind, row numbers, bytes)
/// names it in the checkpoint: the same input always makes the same chunks and hashes.</summary>
internal sealed class BulkChunk
{
    public readonly List<Item> Items = new();
    public long Bytes = 2; // [ ]

    public int Number { get; set; }

    public long FirstRow => Items[0].Row;
    public long LastRow => Items[Items.Count - 1].Row;

    public void Add(Item item)
    {
        if (Items.Count > 0) Bytes++; // ,
        Bytes += item.Json.Length;
        Items.Add(item);
    }

    /// <summary>Bytes this chunk would have with <paramref name="json"/> added.</summary>
    public long BytesWith(byte[] json) => Bytes + json.Length + (Items.Count > 0 ? 1 : 0);

    public byte[] Body()
    {
        using var body = new MemoryStream((int)Bytes);
        body.WriteByte((byte)'[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0) body.WriteByte((byte)',');
            body.Write(Items[i].Json, 0, Items[i].Json.Length);
        }
        body.WriteByte((byte)']');
        return body.ToArray();
    }

    public string Hash(BulkImportOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{options.StoreId}\n{options.KindName}\n"));
        foreach (var item in Items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{item.Row}\n"));
            hash.AppendData(item.Json);
        }
        var bytes = hash.GetHashAndReset();
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }

    public BulkChunkInfo Info => new() { Number = Number, FirstRow = FirstRow, LastRow = LastRow, Items = Items.Count, Bytes = Bytes };

    /// <param name="ParentId">A group's parent, so groups can go parents first.</param>
    internal sealed record Item(long Row, string Id, string? Name, byte[] Json, string? ParentId = null);
}
