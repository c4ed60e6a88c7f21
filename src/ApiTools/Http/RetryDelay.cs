namespace ApiTools.Http;

/// <summary>How long to wait before the next attempt: the server's word when it gave one,
/// else exponential backoff with full jitter, capped.</summary>
internal static class RetryDelay
{
    [ThreadStatic] private static Random? _random;

    public static TimeSpan Next(Exception failure, int attemptsMade, RetryOptions options)
    {
        if (failure is ApiRateLimitedException { RetryAfter: TimeSpan serverSaid })
            return serverSaid;
        var random = _random ??= new Random(Guid.NewGuid().GetHashCode());
        var ceiling = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsMade - 1));
        ceiling = Math.Min(ceiling, options.MaxDelay.TotalMilliseconds);
        // Half fixed, half random: spreads clients apart without ever retrying instantly.
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
