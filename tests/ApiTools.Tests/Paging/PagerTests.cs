using ApiTools.Paging;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Paging;

/// <summary>The pager against a scripted fetcher: requests are counted the moment they start,
/// so "not requested yet" is exact, with no timing involved.</summary>
public class PagerTests
{
    private sealed class ScriptedPages
    {
        private readonly int _pages;
        private readonly int _pageSize;
        public List<(string? Cursor, int? Limit)> Requests { get; } = new();

        public ScriptedPages(int pages, int pageSize)
        {
            _pages = pages;
            _pageSize = pageSize;
        }

        public Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            Requests.Add((cursor, limit));
            var index = cursor is null ? 0 : int.Parse(cursor);
            var size = Math.Min(limit ?? _pageSize, _pageSize);
            var items = Enumerable.Range(index * _pageSize, size).ToList();
            var next = index + 1 < _pages ? (index + 1).ToString() : null;
            return Task.FromResult(new Page<int>(items, next));
        }
    }

    [Fact]
    public async Task Yields_every_item_of_every_page_in_order()
    {
        var pages = new ScriptedPages(pages: 5, pageSize: 7);
        var items = await Pager.StreamAsync<int>(pages.Fetch, PageRange.All, 1000).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 35), items);
        Assert.Equal(5, pages.Requests.Count);
    }

    [Theory]
    [InlineData(20, 2)]   // k = ⌈20/10⌉ = 2
    [InlineData(1000, 100)]
    [InlineData(7, 1)]
    public async Task Next_page_starts_when_item_k_plus_1_is_asked_for_and_not_before(int pageSize, int k)
    {
        var pages = new ScriptedPages(pages: 3, pageSize: pageSize);
        await using var items = Pager.StreamAsync<int>(pages.Fetch, PageRange.All, 1000).GetAsyncEnumerator();
        for (var i = 0; i < k; i++) Assert.True(await items.MoveNextAsync());
        Assert.Single(pages.Requests);

        Assert.True(await items.MoveNextAsync()); // item k+1
        Assert.Equal(2, pages.Requests.Count);

        // Never more than one page ahead: the rest of page 1 costs nothing more.
        for (var i = k + 1; i < pageSize; i++) Assert.True(await items.MoveNextAsync());
        Assert.Equal(2, pages.Requests.Count);
    }

    [Fact]
    public async Task A_caller_that_stops_within_the_first_tenth_never_causes_the_next_request()
    {
        var pages = new ScriptedPages(pages: 3, pageSize: 1000);
        var taken = 0;
        await foreach (var _ in Pager.StreamAsync<int>(pages.Fetch, PageRange.All, 1000))
            if (++taken == 100) break;
        Assert.Single(pages.Requests);
    }

    [Fact]
    public async Task First_asks_for_no_more_than_it_needs_and_never_prefetches_past_it()
    {
        var pages = new ScriptedPages(pages: 10, pageSize: 1000);
        var items = await Pager.StreamAsync<int>(pages.Fetch, new PageRange(0, 5), 1000).ToListAsync();
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, items);
        Assert.Equal(new[] { ((string?)null, (int?)5) }, pages.Requests);
    }

    [Fact]
    public async Task Skip_and_first_span_pages_and_stop_at_the_cap()
    {
        var pages = new ScriptedPages(pages: 10, pageSize: 4);
        var items = await Pager.StreamAsync<int>(pages.Fetch, new PageRange(skip: 6, first: 3), 4).ToListAsync();
        Assert.Equal(new[] { 6, 7, 8 }, items);
        Assert.Equal(3, pages.Requests.Count); // pages 0..3, 4..7, 8..11; nothing past item 9
        Assert.Equal(1, pages.Requests[2].Limit); // one item still needed on the third page
    }

    [Fact]
    public async Task First_zero_makes_no_request()
    {
        var pages = new ScriptedPages(pages: 2, pageSize: 4);
        Assert.Empty(await Pager.StreamAsync<int>(pages.Fetch, new PageRange(0, 0), 4).ToListAsync());
        Assert.Empty(pages.Requests);
    }

    [Fact]
    public async Task A_page_that_names_itself_next_is_asked_for_again_and_its_items_come_once()
    {
        var observer = new RecordingObserver();
        var requests = new List<(string? Cursor, int? Limit)>();
        var echoed = false;
        Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            requests.Add((cursor, limit));
            var page = cursor switch
            {
                null => new Page<int>(new[] { 1, 2 }, "b"),
                // The first answer for "b" names "b" again (the server slip); the second is right.
                "b" when !echoed => new Page<int>(new[] { 3, 4 }, "b"),
                "b" => new Page<int>(new[] { 3, 4 }, "c"),
                _ => new Page<int>(new[] { 5 }, null),
            };
            if (cursor == "b") echoed = true;
            return Task.FromResult(page);
        }

        var items = await Pager.StreamAsync<int>(Fetch, PageRange.All, 1000, observer).ToListAsync();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, items);
        Assert.Equal(new string?[] { null, "b", "b", "c" }, requests.Select(r => r.Cursor));
        Assert.Contains(observer.Warnings, w => w.Contains("asking for that page again"));
    }

    [Fact]
    public async Task A_page_asked_for_again_keeps_its_limit_so_it_is_the_same_page()
    {
        var requests = new List<(string? Cursor, int? Limit)>();
        var echoed = false;
        Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            requests.Add((cursor, limit));
            var n = limit ?? 3;
            if (cursor is null) return Task.FromResult(new Page<int>(Enumerable.Range(1, n).ToArray(), "b"));
            var echo = !echoed;
            echoed = true;
            return Task.FromResult(new Page<int>(Enumerable.Range(4, n).ToArray(), echo ? "b" : "c"));
        }

        // -First 5 with pages of 3: the second page is asked for with limit 2, and again with limit 2.
        var items = await Pager.StreamAsync<int>(Fetch, new PageRange(0, 5), 3).ToListAsync();

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, items);
        Assert.Equal(new (string?, int?)[] { (null, null), ("b", 2) }, requests.Take(2));
        Assert.All(requests.Skip(1), r => Assert.Equal(2, r.Limit));
    }

    [Fact]
    public async Task A_cursor_that_keeps_naming_its_own_page_ends_with_an_error_not_a_short_result()
    {
        var calls = 0;
        Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            calls++;
            // Page 2 and every answer after it point back at page 2.
            return Task.FromResult(new Page<int>(new[] { calls }, "page-2"));
        }

        var received = new List<int>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in Pager.StreamAsync<int>(Fetch, PageRange.All, 1000, service: "Evotor")) received.Add(item);
        });

        Assert.Equal(new[] { 1, 2 }, received); // each page's items once, none from the repeats
        Assert.Equal(2 + Pager.MaxEchoRefetches, calls);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("incomplete", error.Message);
        Assert.Contains("after 2 items", error.Message);
    }

    [Fact]
    public async Task A_cursor_from_an_earlier_page_ends_with_an_error_at_once()
    {
        var script = new Queue<Page<int>>(new[]
        {
            new Page<int>(new[] { 1 }, "a"),
            new Page<int>(new[] { 2 }, "b"),
            new Page<int>(new[] { 3 }, "a"), // back to "a": a loop, not a slip that asking again can mend
        });
        var received = new List<int>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in Pager.StreamAsync<int>((_, _, _) => Task.FromResult(script.Dequeue()), PageRange.All, 1000)) received.Add(item);
        });
        Assert.Equal(new[] { 1, 2 }, received.Take(2));
        Assert.Contains("sent before", error.Message);
    }

    [Fact]
    public async Task An_empty_page_with_a_cursor_does_not_end_the_listing()
    {
        var script = new Queue<Page<int>>(new[]
        {
            new Page<int>(new[] { 1 }, "a"),
            new Page<int>(Array.Empty<int>(), "b"),
            new Page<int>(new[] { 2 }, null),
        });
        var items = await Pager.StreamAsync<int>((_, _, _) => Task.FromResult(script.Dequeue()), PageRange.All, 1000).ToListAsync();
        Assert.Equal(new[] { 1, 2 }, items);
    }

    [Fact]
    public async Task Stopping_early_cancels_the_prefetched_page()
    {
        var prefetchCancelled = new TaskCompletionSource();
        var call = 0;
        Task<Page<int>> Fetch(string? cursor, int? limit, CancellationToken ct)
        {
            if (call++ == 0) return Task.FromResult(new Page<int>(Enumerable.Range(0, 10).ToList(), "next"));
            ct.Register(() => prefetchCancelled.TrySetResult());
            return Task.Delay(Timeout.Infinite, ct).ContinueWith<Page<int>>(_ => throw new OperationCanceledException(ct));
        }

        await using (var items = Pager.StreamAsync<int>(Fetch, PageRange.All, 1000).GetAsyncEnumerator())
        {
            Assert.True(await items.MoveNextAsync());
            Assert.True(await items.MoveNextAsync()); // item 2 of 10 starts the prefetch
        }
        await prefetchCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
