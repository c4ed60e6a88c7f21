using System.Runtime.CompilerServices;

namespace ApiTools.Paging;

/// <summary>
/// The one paging loop (docs/architecture.md): items are yielded as each page arrives; page N+1 is asked for when the
/// caller takes item k+1 of page N (k = ⌈n/10⌉), never past the cap. A reader-backed page is parsed item by item here,
/// so the next fetch overlaps the parse. A page naming its own cursor as the next is asked for again (at most
/// <see cref="MaxEchoRefetches"/> times) without repeating its items; any other repeated cursor ends the listing with
/// an ApiException saying it is incomplete, never a loop or a quietly short result.
/// <para>Progress is measured in new items where the caller says what identifies one: an item that one of the last
/// <see cref="RememberedPages"/> pages already brought is not yielded again (with one warning), and a page that brings
/// nothing new (a fresh cursor for the same items, a page number the server ignores) ends the listing with an error.</para>
/// </summary>
public static class Pager
{
    /// <summary>Times one page is asked for again when it names itself as the next page.</summary>
    public const int MaxEchoRefetches = 2;

    /// <summary>Earlier pages whose items a new page is checked against.</summary>
    public const int RememberedPages = 8;

    public static async IAsyncEnumerable<T> StreamAsync<T>(
        PageFetcher<T> fetch,
        PageRange range,
        int maxPageSize,
        IApiObserver? observer = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        string service = "API",
        Func<T, string?>? identify = null)
    {
        if (range.First == 0) yield break;
        var recent = identify is null ? null : new RecentItemKeys(RememberedPages);
        var warnedRepeats = false;
        long yielded = 0;
        var needed = range.Needed;
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        long served = 0; // items received from the server so far, skipped ones included
        using var prefetchCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<Page<T>>? pending = null;
        Page<T>? page = null;
        string? requested = null; // the cursor the current page was asked for with
        int? requestedLimit = null;
        var echoes = 0;
        var replay = false; // the current page repeats one whose items were already yielded
        try
        {
            page = await fetch(null, requestedLimit = LimitFor(needed, served, maxPageSize), cancellationToken).ConfigureAwait(false);
            while (true)
            {
                var count = page.Count;
                var next = page.NextCursor;
                var delivered = served + (replay ? 0 : count); // a replayed page's items were counted the first time
                var nextLimit = LimitFor(needed, delivered, maxPageSize);
                var replayNext = false;
                if (next is not null && !seenCursors.Add(next))
                {
                    if (next != requested || echoes >= MaxEchoRefetches)
                        throw RepeatedCursor(service, delivered, next == requested ? echoes + 1 : 0);
                    // The page named itself as the next one: ask for it again with the same limit, and yield none of it.
                    echoes++;
                    replayNext = true;
                    nextLimit = requestedLimit;
                    (observer ?? NullApiObserver.Instance).OnWarning(
                        $"The {service} server gave a page's own cursor as the next one after {delivered} items; asking for that page again (its items are not repeated).");
                }
                else if (next is not null)
                {
                    echoes = 0;
                }

                if (!replay)
                {
                    var pageStart = served;
                    served += count;
                    var capReached = needed is long cap && served >= cap;
                    var prefetchAt = (count + 9) / 10; // k = ⌈n/10⌉: start when item k+1 is asked for

                    var taken = 0;
                    var fresh = 0;
                    for (var i = 0; i < count; i++)
                    {
                        // A reader-backed page is parsed item by item here, so this request's server work and
                        // transfer run while the rest of this page is parsed and consumed.
                        if (i == prefetchAt && next is not null && !capReached && pending is null)
                            pending = fetch(next, nextLimit, prefetchCts.Token);
                        var position = pageStart + i;
                        if (position < range.Skip)
                        {
                            page.SkipNext();
                            continue;
                        }
                        if (needed is long c && position >= c) yield break;
                        var item = page.TakeNext();
                        taken++;
                        if (recent is not null && identify!(item) is { Length: > 0 } key && !recent.Add(key))
                        {
                            if (!warnedRepeats)
                            {
                                warnedRepeats = true;
                                (observer ?? NullApiObserver.Instance).OnWarning(
                                    $"The {service} server sent again items it had already sent in this listing; each is written once.");
                            }
                            continue;
                        }
                        fresh++;
                        yielded++;
                        yield return item;
                    }
                    if (taken > 0 && fresh == 0) throw NoProgress(service, yielded);
                    recent?.EndPage();
                    if (capReached) yield break;
                }

                page.Release();
                if (next is null) yield break;
                var fetching = pending ?? fetch(next, nextLimit, prefetchCts.Token);
                pending = null;
                requested = next;
                requestedLimit = nextLimit;
                replay = replayNext;
                page = null;
                page = await fetching.ConfigureAwait(false);
            }
        }
        finally
        {
            page?.Release();
            if (pending is not null)
            {
                // The caller stopped early: cancel the page nobody will read, observe its failure, let go of its body.
                prefetchCts.Cancel();
                _ = pending.ContinueWith(static t =>
                {
                    if (t.Status == TaskStatus.RanToCompletion) t.Result.Release();
                    else _ = t.Exception;
                }, TaskContinuationOptions.ExecuteSynchronously);
            }
        }
    }

    private static ApiException RepeatedCursor(string service, long delivered, int echoes) =>
        new(service, ApiErrorKind.ProtocolError,
            echoes > 0
                ? $"The {service} server kept naming the same page as the next one ({echoes} times in a row) after {delivered} items; the listing stops there, incomplete, rather than loop."
                : $"The {service} server sent a paging cursor it had sent before, after {delivered} items; the listing stops there, incomplete, rather than loop or repeat items.");

    private static ApiException NoProgress(string service, long yielded) =>
        new(service, ApiErrorKind.ProtocolError,
            $"The {service} server answered the next page with only items it had already sent, after {yielded} items: it makes no progress " +
            "(does it ignore the paging cursor or page number?). The listing stops there, incomplete, rather than loop.");

    private static int? LimitFor(long? needed, long served, int maxPageSize)
    {
        if (needed is not long cap) return null;
        var left = cap - served;
        return left >= maxPageSize ? null : (int)Math.Max(1, left);
    }
}
