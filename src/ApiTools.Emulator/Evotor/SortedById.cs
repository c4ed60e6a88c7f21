namespace ApiTools.Emulator.Evotor;

/// <summary>Binary search over items sorted by id (ordinal), as every Evotor list is kept and paged.</summary>
internal static class SortedById
{
    /// <summary>
    /// The index in [<paramref name="from"/>, <paramref name="count"/>) whose id is <paramref name="id"/>, or the
    /// bitwise complement of where it would go (as <see cref="Array.BinarySearch(Array, object)"/>).
    /// </summary>
    public static int Search(int from, int count, Func<int, string> idAt, string id)
    {
        int lo = from, hi = count - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var c = string.CompareOrdinal(idAt(mid), id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }
}
