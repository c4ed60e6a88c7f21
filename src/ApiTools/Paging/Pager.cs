using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.Http;

namespace ApiTools.Paging;

/// <summary>
/// The one paging loop. Yields items as each page arrives and overlaps the next fetch with the
/// caller's work: the request for page N+1 starts when the caller asks for item k+1 of page N
/// (n items, k = ⌈n/10⌉), so a caller that stops within the first tenth of a page never causes
/// it, and never more than one page is ahead. Stops at a missing cursor; a repeated cursor ends
/// the listing with a warning instead of looping forever. Honours -Skip/-First by asking for no
/// more than the cap needs and never prefetching past it.
/// </summary>
public static class Pager
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(
        PageFetcher<T> fetch,
        PageRange range,
        int maxPageSize,
        IApiObserver? observer = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (range.First == 0) yield break;
        var needed = range.Needed;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        long served = 0; // items received from the server so far, skipped ones included
        using var prefetchCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<Page<T>>? pending = null;
        try
        {
            var page = await fetch(null, LimitFor(needed, served, maxPageSize), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var items = page.Items;
                var next = page.NextCursor;
                if (next is not null && !seenCursors.Add(next))
                {
                    (observer ?? NullApiObserver.Instance).OnWarning(
                        $"The server repeated a paging cursor after {served + items.Count} items; the listing stops there rather than loop.");
                    next = null;
                }
                var pageStart = served;
                served += items.Count;
                var capReached = needed is long cap && served >= cap;
                var prefetchAt = (items.Count + 9) / 10; // k = ⌈n/10⌉: start when item k+1 is asked for

                for (var i = 0; i < items.Count; i++)
                {
                    if (i == prefetchAt && next is not null && !capReached && pending is null)
                        pending = fetch(next, LimitFor(needed, served, maxPageSize), prefetchCts.Token);
                    var position = pageStart + i;
                    if (position < range.Skip) continue;
                    if (needed is long c && position >= c) yield break;
                    yield return items[i];
                }

                if (next is null || capReached) yield break;
                var fetching = pending ?? fetch(next, LimitFor(needed, served, maxPageSize), prefetchCts.Token);
                pending = null;
                page = await fetching.ConfigureAwait(false);
            }
        }
        finally
        {
            if (pending is not null)
            {
                // The caller stopped early: cancel the page nobody will read and observe its failure.
                prefetchCts.Cancel();
                _ = pending.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            }
        }
    }

    private static int? LimitFor(long? needed, long served, int maxPageSize)
    {
        if (needed is not long cap) return null;
        var left = cap - served;
        return left >= maxPageSize ? null : (int)Math.Max(1, left);
    }
}
