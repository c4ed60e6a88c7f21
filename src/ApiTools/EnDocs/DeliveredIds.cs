namespace ApiTools.EnDocs;

/// <summary>
/// The ids a listing has handed out, so a resumed answer never repeats one and a late one (ids out of order) is still
/// handed out. Kept as a sorted array of longs: an id in order is appended, a late one inserted; 8 bytes an id.
/// </summary>
internal sealed class DeliveredIds
{
    private readonly List<long> _sorted = new();

    public int Count => _sorted.Count;

    /// <summary>The highest id handed out; <paramref name="floor"/> when none was.</summary>
    public long HighestOr(long floor) => _sorted.Count == 0 ? floor : Math.Max(floor, _sorted[_sorted.Count - 1]);

    public bool Contains(long id)
    {
        if (_sorted.Count == 0 || id > _sorted[_sorted.Count - 1]) return false;
        return _sorted.BinarySearch(id) >= 0;
    }

    /// <summary>Records <paramref name="id"/>; false when it was there already.</summary>
    public bool Add(long id)
    {
        if (_sorted.Count == 0 || id > _sorted[_sorted.Count - 1])
        {
            _sorted.Add(id);
            return true;
        }
        var at = _sorted.BinarySearch(id);
        if (at >= 0) return false;
        _sorted.Insert(~at, id);
        return true;
    }
}
