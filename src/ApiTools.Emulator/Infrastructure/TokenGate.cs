namespace ApiTools.Emulator.Infrastructure;

/// <summary>
/// The admission Evotor and EnDocs share: a caller's token must be one the service accepts, and each token may
/// make a live number of requests per fixed window (the settings are read on every request).
/// </summary>
internal sealed class TokenGate(IEnumerable<string> tokens, TimeProvider time)
{
    private readonly HashSet<string> _tokens = new(tokens, StringComparer.Ordinal);
    private readonly FixedWindowRateLimiter _limiter = new(time);

    public bool Accepts(string token) => _tokens.Contains(token);

    /// <summary>Counts the request in its token's window; null when limiting is off (a limit of 0).</summary>
    public RateDecision? Count(string token, int limit, TimeSpan window) => limit <= 0 ? null : _limiter.Acquire(token, limit, window);

    /// <summary>Forgets every window.</summary>
    public void Reset() => _limiter.Reset();
}

/// <summary><c>Retry-After</c> as every service sends it: whole seconds, rounded up, at least 1.</summary>
internal static class RetryAfter
{
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = Seconds(wait).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
