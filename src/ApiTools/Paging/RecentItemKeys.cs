namespace ApiTools.Paging;

/// <summary>
/// The items of the last few pages, by a 64-bit hash of their key, so the pager can tell a page that brought nothing
/// new (a server that ignores its cursor or page number) from one that moved on, in memory that does not grow with the
/// listing: a million products cost what a few pages do.
/// </summary>
internal sealed class RecentItemKeys
{
    private readonly Queue<HashSet<ulong>> _earlier = new();
    private readonly int _pages;
    private HashSet<ulong> _current = new();

    /// <param name="pages">Earlier pages remembered besides the current one.</param>
    public RecentItemKeys(int pages) => _pages = pages;

    /// <summary>Records <paramref name="key"/> for the current page; false when a remembered earlier page had it. Twice in
    /// one page is not a repeat: that says nothing about paging (published samples repeat a placeholder id).</summary>
    public bool Add(string key)
    {
        var hash = Hash(key);
        foreach (var page in _earlier)
            if (page.Contains(hash)) return false;
        _current.Add(hash);
        return true;
    }

    /// <summary>The current page is complete: remember it, forget the oldest beyond the window.</summary>
    public void EndPage()
    {
        _earlier.Enqueue(_current);
        if (_earlier.Count > _pages) _current = _earlier.Dequeue();
        else _current = new HashSet<ulong>();
        _current.Clear();
    }

    // FNV-1a over the UTF-16 code units: stable, cheap, and 64 bits make a false "seen" as good as impossible.
    private static ulong Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
