using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;

namespace ApiTools.Tests.Http;

/// <summary>
/// When the server-guided limiter turns its window: at the earliest end the window's answers allow (each was decided
/// before it was read, so none can end later than read time + its Reset), not the latest; a refusal holds it longer.
/// The wait a refused attempt tells is what a user sees (the throttle message) and what paces the next request.
/// </summary>
public class ServerGuidedRateLimiterTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_window_turns_at_the_end_its_first_answer_allows_not_at_a_later_answers()
    {
        var limiter = new ServerGuidedRateLimiter();
        Answer(limiter, Answer(limit: 2, remaining: 1, reset: OneSecond));
        var second = limiter.AttemptAcquire();
        Assert.True(second.IsAcquired);
        // The second answer is read 200 ms later, its Reset still "1 s" (whole seconds, rounded up).
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        limiter.Observe(Answer(limit: 2, remaining: 0, reset: OneSecond), second);
        second.Dispose();

        var wait = WaitTold(limiter.AttemptAcquire());
        // The first answer bounds the end at (its read time + 1 s), at least 200 ms ago + 1 s from now; the second's
        // bound (now + 1 s) is later and no tighter.
        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(850));
    }

    [Fact]
    public void A_refusal_holds_the_window_until_its_own_time_whatever_answers_of_the_window_say_after()
    {
        var limiter = new ServerGuidedRateLimiter();
        Answer(limiter, Answer(limit: 2, remaining: 1, reset: OneSecond));
        var second = limiter.AttemptAcquire();
        limiter.Observe(Answer(limit: 2, remaining: 0, reset: TimeSpan.FromSeconds(2), refused: true), second);
        second.Dispose();
        var third = limiter.AttemptAcquire();
        Assert.False(third.IsAcquired);
        Assert.True(WaitTold(third) > TimeSpan.FromSeconds(1.5));

        // A late answer of the same window with the earlier end does not bring the refusal's time forward.
        limiter.Observe(Answer(limit: 2, remaining: 0, reset: OneSecond), null);
        Assert.True(WaitTold(limiter.AttemptAcquire()) > TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public void A_spent_window_waits_until_it_ends_before_granting_again()
    {
        var limiter = new ServerGuidedRateLimiter();
        Answer(limiter, Answer(limit: 1, remaining: 0, reset: OneSecond));

        var wait = WaitTold(limiter.AttemptAcquire());

        Assert.InRange(wait, TimeSpan.FromMilliseconds(1), OneSecond);
    }

    /// <summary>Takes a permit, answers it with <paramref name="headers"/> and frees it, as the transport does.</summary>
    private static void Answer(ServerGuidedRateLimiter limiter, RateLimitHeaders headers)
    {
        using var lease = limiter.AttemptAcquire();
        Assert.True(lease.IsAcquired);
        limiter.Observe(headers, lease);
    }

    private static RateLimitHeaders Answer(int limit, int remaining, TimeSpan reset, bool refused = false) => new()
    {
        Limit = limit, Remaining = remaining, Reset = reset, RetryAfter = refused ? reset : null, Refused = refused,
    };

    private static TimeSpan WaitTold(RateLimitLease refused)
    {
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait));
        refused.Dispose();
        return wait;
    }
}
