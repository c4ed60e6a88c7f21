using System.IO;
using System.Text;
using System.Text.Json;

namespace ApiTools.Evotor.Bulk;

/// <summary>
/// An append-only JSON-lines file: one line when a chunk's task is accepted, one when it finishes or
/// polling gives up on it ("abandoned"), flushed to disk each time. It names store, kind, chunk hashes and task ids: never a token or a row's
/// content. A rerun reads it to skip finished chunks and re-poll accepted ones.
/// </summary>
internal sealed class BulkCheckpoint : IDisposable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly object _gate = new();
    private bool _disposed;

    public BulkCheckpoint(string path, BulkImportOptions options)
    {
        var existing = File.Exists(path) ? File.ReadAllLines(path, Encoding.UTF8) : Array.Empty<string>();
        for (var i = 0; i < existing.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(existing[i])) continue;
            Entry? entry;
            try { entry = JsonSerializer.Deserialize<Entry>(existing[i]); }
            catch (JsonException) when (i == existing.Length - 1) { continue; } // a line cut short by a crash
            catch (JsonException e) { throw new InvalidDataException($"Checkpoint '{path}' line {i + 1} is not valid: {e.Message}", e); }
            if (entry is null) continue;
            if (entry.Store != options.StoreId || entry.Kind != options.KindName)
                throw new InvalidDataException($"Checkpoint '{path}' belongs to an import of {entry.Kind}s into store {entry.Store}, not {options.KindName}s into store {options.StoreId}; use another -CheckpointPath.");
            if (entry.Chunk is not null) _entries[entry.Chunk] = entry;
        }
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        Store = options.StoreId;
        Kind = options.KindName;
    }

    public const string AbandonedState = "abandoned";

    private string Store { get; }
    private string Kind { get; }

    public Entry? Find(string chunkHash)
    {
        lock (_gate) return _entries.TryGetValue(chunkHash, out var e) ? e : null;
    }

    public void Accepted(string chunkHash, string taskId, long firstRow, long lastRow) =>
        Append(new Entry { Store = Store, Kind = Kind, Chunk = chunkHash, Task = taskId, State = "accepted", FirstRow = firstRow, LastRow = lastRow });

    /// <summary>Polling gave up on the task: a rerun looks at it once and sends the chunk again if it is still unfinished.</summary>
    public void Abandoned(string chunkHash, string taskId, string status, long firstRow, long lastRow) =>
        Append(new Entry { Store = Store, Kind = Kind, Chunk = chunkHash, Task = taskId, State = AbandonedState, Status = status, FirstRow = firstRow, LastRow = lastRow });

    public void Finished(string chunkHash, string taskId, string status, long firstRow, long lastRow) =>
        Append(new Entry { Store = Store, Kind = Kind, Chunk = chunkHash, Task = taskId, State = "finished", Status = status, FirstRow = firstRow, LastRow = lastRow });

    private void Append(Entry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry) + "\n");
        lock (_gate)
        {
            if (_disposed) return; // a chunk that outlived its import (see EvotorBulkImport.Dispose): its rerun re-sends it
            _file.Write(line, 0, line.Length);
            _file.Flush(flushToDisk: true);
            _entries[entry.Chunk!] = entry;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _file.Dispose();
        }
    }

    internal sealed class Entry
    {
        public string? Store { get; set; }
        public string? Kind { get; set; }
        public string? Chunk { get; set; }
        public string? Task { get; set; }
        public string? State { get; set; }
        public string? Status { get; set; }
        public long FirstRow { get; set; }
        public long LastRow { get; set; }
    }
}
