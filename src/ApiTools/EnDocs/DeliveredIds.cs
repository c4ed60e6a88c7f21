namespace ApiTools.EnDocs;

/// <summary>
/// The ids a listing has handed out, so a resumed answer never repeats one and a late one (ids out of order) is still
/// handed out. Kept as a bit set in 64-id words, sorted by word: a listing's ids come nearly in order and close together
/// (a list of one kind holds most ids of its range), so a listing of 100k documents keeps a few KB where a sorted array
/// of longs kept about 1 MB (and 1.5 MB while growing), which was most of what a longer listing cost in memory. An id in
/// a word of its own costs 16 bytes (ids 64 or more apart); a late id inserts its word.
/// </summary>
internal sealed class DeliveredIds
{
    private readonly List<long> _words = new(); // id >> 6, ascending
    private readonly List<ulong> _bits = new(); // which of the word's 64 ids were handed out
    private long _highest;

    public int Count { get; private set; }

    /// <summary>The highest id handed out; <paramref name="floor"/> when none was.</summary>
    public long HighestOr(long floor) => Count == 0 ? floor : Math.Max(floor, _highest);

    public bool Contains(long id)
    {
        var at = Find(id >> 6);
        return at >= 0 && (_bits[at] & Bit(id)) != 0;
    }

    /// <summary>Records <paramref name="id"/>; false when it was there already.</summary>
    public bool Add(long id)
    {
        var word = id >> 6;
        var at = Find(word);
        if (at < 0)
        {
            at = ~at;
            _words.Insert(at, word);
            _bits.Insert(at, 0);
        }
        var bit = Bit(id);
        if ((_bits[at] & bit) != 0) return false;
        _bits[at] |= bit;
        if (Count == 0 || id > _highest) _highest = id;
        Count++;
        return true;
    }

    private static ulong Bit(long id) => 1UL << (int)(id & 63);

    /// <summary>The word's index, or the complement of where it goes; the last word (ids in order) without a search.</summary>
    private int Find(long word)
    {
        var last = _words.Count - 1;
        if (last < 0 || word > _words[last]) return ~_words.Count;
        return word == _words[last] ? last : _words.BinarySearch(word);
    }
}
