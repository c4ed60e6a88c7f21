using System.IO;
using System.Text;
using System.Text.Json;

namespace ApiTools.Evotor.Bulk;

/// <summary>
/// An append-only JSON-lines file: one line when a chunk's task is accepted, one when it finishes or
/// polling gives up on it ("abandoned"), flushed to disk each time. It names store, kind, chunk hashes and task ids: never a token or a row's
/// content. A rerun reads it to skip finished chunks and re-poll accepted ones.
/// <para>The file is held for this import alone while it runs (a second import on it is refused at once, before it sends
/// anything), never opened through a symbolic link, and each line goes down in one write. A last line cut short by a
/// crash is dropped when the file is opened (it recorded nothing whole), so the next line starts clean.</para>
/// </summary>
internal sealed class BulkCheckpoint : IDisposable
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly FileStream _file;
    private readonly object _gate = new();
    private bool _disposed;

    public BulkCheckpoint(string path, BulkImportOptions options)
    {
        _file = LocalFiles.OpenExclusive(path, "The checkpoint");
        try
        {
            var bytes = new byte[_file.Length];
            for (int read = 0, n; read < bytes.Length && (n = _file.Read(bytes, read, bytes.Length - read)) > 0;) read += n;
            var whole = Array.LastIndexOf(bytes, (byte)'\n') + 1; // the bytes of the lines that were finished
            var lines = Encoding.UTF8.GetString(bytes, 0, whole).Split('\n');
            for (var i = 0; i < lines.Length; i++) Read(path, lines[i], i + 1, options);
            if (whole < bytes.Length)
            {
                // The last line has no line break: a crash cut it, or cut it just before its break.
                var tail = Encoding.UTF8.GetString(bytes, whole, bytes.Length - whole);
                if (TryParse(tail) is not null)
                {
                    Read(path, tail, lines.Length, options);
                    _file.Seek(0, SeekOrigin.End);
                    _file.WriteByte((byte)'\n');
                }
                else
                {
                    CutLine = lines.Length;
                    _file.SetLength(whole);
                }
                _file.Flush(flushToDisk: true);
            }
            _file.Seek(0, SeekOrigin.End);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
        Store = options.StoreId;
        Kind = options.KindName;
    }

    /// <summary>The line a crash had cut short, dropped on opening; null when the file ended cleanly.</summary>
    public int? CutLine { get; }

    private void Read(string path, string line, int number, BulkImportOptions options)
    {
        if (string.IsNullOrWhiteSpace(line)) return;
        Entry? entry;
        try { entry = JsonSerializer.Deserialize<Entry>(line); }
        catch (JsonException e) { throw new InvalidDataException($"Checkpoint '{path}' line {number} is not valid: {e.Message}", e); }
        if (entry is null) return;
        if (entry.Store != options.StoreId || entry.Kind != options.KindName)
            throw new InvalidDataException($"Checkpoint '{path}' belongs to an import of {entry.Kind}s into store {entry.Store}, not {options.KindName}s into store {options.StoreId}; use another -CheckpointPath.");
        if (entry.Chunk is not null) _entries[entry.Chunk] = entry;
    }

    private static Entry? TryParse(string line)
    {
        try { return JsonSerializer.Deserialize<Entry>(line); }
        catch (JsonException) { return null; }
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
            LocalFiles.Write(_file.Name, () =>
            {
                _file.Write(line, 0, line.Length);
                _file.Flush(flushToDisk: true);
            });
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
