using System.Diagnostics;
using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;

namespace ApiTools.Tests.Http;

public class SpacedRateLimiterTests
{
    [Fact]
    public async Task Requests_are_spaced_from_each_other_even_after_an_idle_moment()
    {
        var interval = TimeSpan.FromMilliseconds(100);
        var limiter = new SpacedRateLimiter(interval);
        var clock = Stopwatch.StartNew();
        var starts = new List<TimeSpan>();

        // Idle first (a token bucket would bank a permit here), then a burst of five callers at once.
        using (var first = await limiter.AcquireAsync()) starts.Add(clock.Elapsed);
        var burst = Enumerable.Range(0, 5).Select(async _ =>
        {
            using var lease = await limiter.AcquireAsync();
            lock (starts) starts.Add(clock.Elapsed);
        });
        await Task.WhenAll(burst);

        var ordered = starts.OrderBy(t => t).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i] - ordered[i - 1] >= interval - TimeSpan.FromMilliseconds(15), $"requests {i - 1} and {i} were {(ordered[i] - ordered[i - 1]).TotalMilliseconds:0} ms apart");
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
}
