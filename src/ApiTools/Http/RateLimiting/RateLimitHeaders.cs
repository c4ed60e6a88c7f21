using System.Globalization;
using System.Net.Http.Headers;

namespace ApiTools.Http.RateLimiting;

/// <summary>The rate-limit hints a response carried: X-RateLimit-Limit/Remaining/Reset and Retry-After.</summary>
public readonly struct RateLimitHeaders
{
    public int? Limit { get; init; }
    public int? Remaining { get; init; }

    /// <summary>Time until the server's window resets (X-RateLimit-Reset, seconds).</summary>
    public TimeSpan? Reset { get; init; }

    /// <summary>Retry-After as a delay (seconds or an HTTP date, turned into a delay from now).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool Any => Limit.HasValue || Remaining.HasValue || Reset.HasValue;

    /// <summary>The request was refused for the rate (a 429, or an answer that asks to retry after a time).</summary>
    public bool Refused { get; init; }

    /// <summary>The window is spent: refused, or the answer took its last permit.</summary>
    public bool Spent => Refused || Remaining == 0;

    /// <summary>How long the server asked us to wait: Retry-After wins over X-RateLimit-Reset.</summary>
    public TimeSpan? SuggestedWait => RetryAfter ?? Reset;

    public static RateLimitHeaders From(HttpResponseMessage response, DateTimeOffset now)
    {
        var h = response.Headers;
        return new RateLimitHeaders
        {
            Limit = ReadInt(h, "X-RateLimit-Limit"),
            Remaining = ReadInt(h, "X-RateLimit-Remaining"),
            Reset = ReadReset(h, now),
            RetryAfter = ReadRetryAfter(h.RetryAfter, now),
            Refused = (int)response.StatusCode == 429 || h.RetryAfter is not null,
        };
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

    private static TimeSpan? ReadReset(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (!headers.TryGetValues("X-RateLimit-Reset", out var values)) return null;
        if (!double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            return null;
        // Evotor documents seconds until the reset; some servers send an epoch time instead. A value
        // past the year 2001 in epoch seconds cannot be a sane delay, so read it as a moment. A moment
        // past the last one a date can hold (1e12) is no figure at all: it is ignored, as if not sent,
        // rather than failing a good answer (or a 429 that should be retried).
        if (value > 1_000_000_000)
        {
            if (value > MaxEpochSeconds) return null;
            var delay = DateTimeOffset.FromUnixTimeSeconds((long)value) - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
        return TimeSpan.FromSeconds(value);
    }

    /// <summary>9999-12-31T23:59:59Z, the last moment <see cref="DateTimeOffset.FromUnixTimeSeconds"/> takes.</summary>
    private const double MaxEpochSeconds = 253_402_300_799;

    private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? value, DateTimeOffset now)
    {
        if (value is null) return null;
        if (value.Delta is TimeSpan delta) return delta;
        if (value.Date is DateTimeOffset date)
        {
            var delay = date - now;
            return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        }
        return null;
    }
}

/// <summary>A limiter that learns from what the server says about its own budget.</summary>
public interface IRateLimitFeedback
{
    /// <param name="lease">The permit the answered request was sent under.</param>
    void Observe(RateLimitHeaders headers, System.Threading.RateLimiting.RateLimitLease? lease);
}
