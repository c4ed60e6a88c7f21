using System.Collections.Concurrent;

namespace ApiTools.Emulator.Infrastructure;

/// <summary>The outcome of counting one request against its key's window.</summary>
internal readonly record struct RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan ResetAfter)
{
    /// <summary>Seconds until the window ends, rounded up and at least 1, as headers carry them.</summary>
    public int ResetSeconds => RetryAfter.Seconds(ResetAfter);
}

/// <summary>
/// Fixed-window limiter per key (an Evotor or EnDocs token; PlanFix spaces requests instead): a window
/// opens with the key's first request and admits <c>limit</c> requests until it ends. Fixed windows
/// are what the real services advertise through X-RateLimit-Reset, so clients can be tested on them.
/// </summary>
internal sealed class FixedWindowRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public RateDecision Acquire(string key, int limit, TimeSpan windowLength)
    {
        var window = _windows.GetOrAdd(key, static _ => new Window());
        var now = time.GetTimestamp();
        lock (window)
        {
            if (window.Count == 0 || time.GetElapsedTime(window.StartedAt, now) >= window.Length)
            {
                window.StartedAt = now;
                window.Length = windowLength;
                window.Count = 0;
            }
            var resetAfter = window.Length - time.GetElapsedTime(window.StartedAt, now);
            // Rejected requests are not counted, so Remaining stays at 0 rather than going negative.
            if (window.Count >= limit) return new RateDecision(false, limit, 0, resetAfter);
            window.Count++;
            return new RateDecision(true, limit, limit - window.Count, resetAfter);
        }
    }

    public void Reset() => _windows.Clear();

    private sealed class Window
    {
        public long StartedAt;
        public TimeSpan Length;
        public int Count;
    }
}
