using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Process-wide limiters keyed by service, base URI and credential fingerprint. The server counts
/// per key, so every runspace, thread job and client object using one key must draw on one budget;
/// a per-client limiter would let four parallel runspaces spend four times the rate.
/// The first limiter made for a key wins: its settings hold until the process ends.
/// </summary>
public static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, (RateLimiter Limiter, string? Pace)> Limiters = new(StringComparer.Ordinal);

    /// <summary>The limiter for the key, made by <paramref name="factory"/> the first time; <paramref name="pace"/> says in
    /// words what that limiter allows ("1 request a second"), for <see cref="PaceOtherThan"/>.</summary>
    public static RateLimiter GetOrAdd(string service, Uri baseUri, Secret credential, Func<RateLimiter> factory, string? pace = null) =>
        Limiters.GetOrAdd(Key(service, baseUri, credential), _ => (factory(), pace)).Limiter;

    /// <summary>The pace of the limiter already made for the key when it is not <paramref name="pace"/>: the first limiter
    /// for a key holds for the process, so a connection asking for another pace does not get it. Null when none was made
    /// yet, or it keeps that pace.</summary>
    public static string? PaceOtherThan(string service, Uri baseUri, Secret credential, string pace) =>
        Limiters.TryGetValue(Key(service, baseUri, credential), out var entry) && entry.Pace is string kept && kept != pace ? kept : null;

    private static string Key(string service, Uri baseUri, Secret credential) =>
        $"{service}|{baseUri.AbsoluteUri.TrimEnd('/')}|{credential.Fingerprint}";

    /// <summary>At most one request per <paramref name="interval"/>, each spaced from the one before (PlanFix's 1/s).</summary>
    public static RateLimiter Spaced(TimeSpan interval) => new SpacedRateLimiter(interval);

    /// <summary>
    /// At most <paramref name="permits"/> requests in any span of <paramref name="window"/> (EnDocs' 300 a minute),
    /// callers queued in order. The server counts in windows of its own that the client cannot see, so no span of
    /// the client's may hold more; a token bucket refilled on its own timer lets twice the rate into one of them.
    /// </summary>
    public static RateLimiter PerWindow(int permits, TimeSpan window) => new SpacedRateLimiter(permits, window);
}
