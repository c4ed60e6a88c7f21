namespace ApiTools.Paging;

/// <summary>One page as a service returned it: its items and the cursor for the next page
/// (null or empty: this was the last page). PlanFix page numbers and EnDocs' last id are
/// carried as cursor strings by their adapters.
/// <para>A page either holds its items already made, or a <see cref="PageItemReader{T}"/> over a body that was
/// received whole and is turned into items one at a time as the pager hands them out. The second kind lets the
/// next page's request (server work and transfer) overlap this page's parse.</para></summary>
public sealed class Page<T>
{
    private IReadOnlyList<T>? _items;
    private readonly PageItemReader<T>? _reader;
    private int _next; // the next item the pager takes (list-backed pages)

    public Page(IReadOnlyList<T> items, string? nextCursor)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>A page whose items are read from <paramref name="reader"/> in order as they are asked for.
    /// The page owns the reader: the pager disposes it when it is done with the page.</summary>
    public Page(PageItemReader<T> reader, string? nextCursor)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        NextCursor = string.IsNullOrEmpty(nextCursor) ? null : nextCursor;
    }

    /// <summary>Every item of the page. For a reader-backed page this reads them all at once, so it is only
    /// available before any item was taken one at a time.</summary>
    public IReadOnlyList<T> Items => _items ??= ReadAll();

    public int Count => _items?.Count ?? _reader!.Count;

    public string? NextCursor { get; }

    /// <summary>The next item, in order.</summary>
    internal T TakeNext() => _items is not null ? _items[_next++] : _reader!.ReadNext();

    /// <summary>Passes over the next item (-Skip) without making it where the page can avoid that.</summary>
    internal void SkipNext()
    {
        if (_items is not null) _next++;
        else _reader!.SkipNext();
    }

    /// <summary>Lets go of what the page holds (a pooled body); its items already handed out stay valid.</summary>
    internal void Release() => _reader?.Dispose();

    private IReadOnlyList<T> ReadAll()
    {
        var reader = _reader!;
        if (reader.Position != 0) throw new InvalidOperationException("Items of a reader-backed page are only available before any item was taken.");
        var list = new List<T>(reader.Count);
        for (var i = 0; i < reader.Count; i++) list.Add(reader.ReadNext());
        reader.Dispose();
        return list;
    }
}

/// <summary>Fetches the page at <paramref name="cursor"/> (null: the first), asking the server for at most
/// <paramref name="limit"/> items where a cap is known (null: the server's default page).</summary>
public delegate System.Threading.Tasks.Task<Page<T>> PageFetcher<T>(string? cursor, int? limit, System.Threading.CancellationToken cancellationToken);

/// <summary>How much of a listing the caller wants: <c>-Skip</c> and <c>-First</c>.</summary>
public readonly struct PageRange
{
    public PageRange(long skip, long? first)
    {
        if (skip < 0) throw new ArgumentOutOfRangeException(nameof(skip));
        if (first < 0) throw new ArgumentOutOfRangeException(nameof(first));
        Skip = skip;
        First = first;
    }

    public static PageRange All => default;

    public long Skip { get; }

    /// <summary>Null: no cap.</summary>
    public long? First { get; }

    /// <summary>Items the server must send in all (skipped ones included), or null for everything.</summary>
    internal long? Needed => First is long f ? Skip + f : null;
}
