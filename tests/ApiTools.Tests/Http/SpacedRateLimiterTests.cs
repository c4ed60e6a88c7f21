using System.Diagnostics;
using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;

namespace ApiTools.Tests.Http;

public class SpacedRateLimiterTests
{
    [Fact]
    public async Task A_burst_after_an_idle_moment_is_spaced_out_not_let_through()
    {
        var interval = TimeSpan.FromMilliseconds(100);
        var limiter = new SpacedRateLimiter(interval);
        var clock = Stopwatch.StartNew();

        // Idle first (a token bucket would bank a permit here), then a burst of five callers at once.
        using (await limiter.AcquireAsync()) { }
        var burst = Enumerable.Range(0, 5).Select(async _ => { using var lease = await limiter.AcquireAsync(); Assert.True(lease.IsAcquired); });
        await Task.WhenAll(burst);

        // Six requests spaced at least 100 ms apart cannot all have started within 500 ms of the clock starting.
        // (A lower bound only: a busy machine can make it later, never earlier.)
        Assert.True(clock.Elapsed >= 5 * interval, $"six requests took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public void A_refused_attempt_says_how_long_to_wait()
    {
        var limiter = new SpacedRateLimiter(TimeSpan.FromSeconds(10));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var refused = limiter.AttemptAcquire();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_wait_told_counts_the_callers_already_waiting_on_the_key()
    {
        // Runspaces on one key queue here: the third in line waits its own turn plus the two ahead, and is told so.
        var limiter = new SpacedRateLimiter(TimeSpan.FromSeconds(10));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var stop = new CancellationTokenSource();
        var queued = Enumerable.Range(0, 2).Select(_ => limiter.AcquireAsync(1, stop.Token).AsTask()).ToList();
        await WaitUntil(() => limiter.AttemptAcquire() is { IsAcquired: false } probe && probe.TryGetMetadata(MetadataName.RetryAfter, out var w) && w > TimeSpan.FromSeconds(25));

        var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
        stop.Cancel();
        foreach (var q in queued) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => q);
        Assert.True(limiter.AttemptAcquire().TryGetMetadata(MetadataName.RetryAfter, out var alone));
        Assert.True(alone <= TimeSpan.FromSeconds(10), "once the waiting callers gave up, the wait is the caller's own again");
    }

    /// <summary>Polls a condition that other tasks make true (bounded: 10 s).</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the queued callers never showed");
            await Task.Yield();
        }
    }

    [Fact]
    public void Up_to_the_window_s_permits_go_at_once_and_the_next_waits_for_the_first_to_leave_the_window()
    {
        var limiter = new SpacedRateLimiter(3, TimeSpan.FromSeconds(10));

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(limiter.AttemptAcquire().IsAcquired));
        var fourth = limiter.AttemptAcquire();

        Assert.False(fourth.IsAcquired);
        Assert.True(fourth.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Callers_beyond_the_permits_wait_a_window_for_each_further_batch()
    {
        var window = TimeSpan.FromMilliseconds(200);
        var limiter = new SpacedRateLimiter(3, window);
        var clock = Stopwatch.StartNew();
        var starts = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();

        // Twelve callers at once: four windows' worth.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            using var lease = await limiter.AcquireAsync();
            starts.Add(clock.Elapsed);
        }));

        // Twelve starts, at most three per window: the last began at least three windows after the first could.
        // (A lower bound: a start is recorded after the limiter let it go, and a busy machine only delays that.)
        Assert.Equal(12, starts.Count);
        Assert.True(starts.Max() >= 3 * window, $"twelve starts at 3 per {window.TotalMilliseconds} ms ended at {starts.Max().TotalMilliseconds:0} ms");
    }
}
