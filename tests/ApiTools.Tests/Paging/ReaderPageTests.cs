using ApiTools.Paging;

namespace ApiTools.Tests.Paging;

/// <summary>The pager over pages whose items are made one at a time as they are handed out (a body received whole,
/// parsed lazily): the next request overlaps the rest of this page's parse, and every page's body is let go.</summary>
public class ReaderPageTests
{
    /// <summary>Items <c>start..start+count-1</c>, made when read; records how far it got and whether it was released.</summary>
    private sealed class CountingReader : PageItemReader<int>
    {
        private readonly int _start;
        private readonly int _count;

        public CountingReader(int start, int count)
        {
            _start = start;
            _count = count;
        }

        public override int Count => _count;
        public int Made { get; private set; }
        public int Skipped { get; private set; }
        public bool Released { get; private set; }

        public override int ReadNext()
        {
            if (Released) throw new ObjectDisposedException("page");
            Made++;
            return _start + Position++;
        }

        public override void SkipNext()
        {
            Skipped++;
            Position++;
        }

        public override void Dispose() => Released = true;
    }

    private sealed class ScriptedReaders(int pages, int pageSize)
    {
        public List<CountingReader> Readers { get; } = new();

        /// <summary>For each request, how many items of the page before it had been made when it started.</summary>
        public List<int> MadeBeforeRequest { get; } = new();

        public Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            MadeBeforeRequest.Add(Readers.Count == 0 ? 0 : Readers[^1].Made);
            var index = cursor is null ? 0 : int.Parse(cursor);
            var reader = new CountingReader(index * pageSize, Math.Min(limit ?? pageSize, pageSize));
            Readers.Add(reader);
            return Task.FromResult(new Page<int>(reader, index + 1 < pages ? (index + 1).ToString() : null));
        }
    }

    [Fact]
    public async Task The_next_page_is_asked_for_when_only_a_tenth_of_this_one_is_parsed()
    {
        var pages = new ScriptedReaders(pages: 3, pageSize: 1000);

        var items = await Pager.StreamAsync<int>(pages.Fetch, PageRange.All, 1000).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 3000), items);
        // Request 2 starts as item 101 of page 1 is asked for, with 100 items made: the other 900 are parsed while it runs.
        Assert.Equal(new[] { 0, 100, 100 }, pages.MadeBeforeRequest);
        Assert.All(pages.Readers, r => Assert.True(r.Released));
    }

    [Fact]
    public async Task Skipped_items_are_passed_over_without_being_made()
    {
        var pages = new ScriptedReaders(pages: 3, pageSize: 10);

        var items = await Pager.StreamAsync<int>(pages.Fetch, new PageRange(skip: 12, first: 3), 10).ToListAsync();

        Assert.Equal(new[] { 12, 13, 14 }, items);
        Assert.Equal(new[] { 0, 3 }, pages.Readers.Select(r => r.Made));
        Assert.Equal(new[] { 10, 2 }, pages.Readers.Select(r => r.Skipped));
    }

    [Fact]
    public async Task Stopping_early_releases_this_page_and_the_prefetched_one()
    {
        var pages = new ScriptedReaders(pages: 3, pageSize: 10);

        await foreach (var item in Pager.StreamAsync<int>(pages.Fetch, PageRange.All, 10))
            if (item == 5) break;

        Assert.Equal(2, pages.Readers.Count); // page 2 was prefetched at item 2
        Assert.All(pages.Readers, r => Assert.True(r.Released));
        Assert.Equal(6, pages.Readers[0].Made);
        Assert.Equal(0, pages.Readers[1].Made);
    }

    [Fact]
    public async Task A_page_asked_for_again_is_released_without_being_parsed()
    {
        var readers = new List<CountingReader>();
        var echoed = false;
        Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            var reader = new CountingReader(cursor is null ? 0 : 2, 2);
            readers.Add(reader);
            var next = cursor switch
            {
                null => "b",
                "b" when !echoed => "b", // names itself: asked for again, its items not yielded twice
                _ => null,
            };
            if (cursor == "b") echoed = true;
            return Task.FromResult(new Page<int>(reader, next));
        }

        var items = await Pager.StreamAsync<int>(Fetch, PageRange.All, 1000).ToListAsync();

        Assert.Equal(new[] { 0, 1, 2, 3 }, items);
        Assert.Equal(3, readers.Count);
        Assert.Equal(0, readers[2].Made); // the repeat of "b"
        Assert.All(readers, r => Assert.True(r.Released));
    }

    [Fact]
    public void Items_of_a_reader_page_are_all_made_at_once_when_asked_for_as_a_list()
    {
        var reader = new CountingReader(5, 3);
        var page = new Page<int>(reader, null);

        Assert.Equal(3, page.Count);
        Assert.Equal(new[] { 5, 6, 7 }, page.Items);
        Assert.True(reader.Released);
    }
}
