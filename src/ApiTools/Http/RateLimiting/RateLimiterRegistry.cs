using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Process-wide limiters keyed by service, limit scope (the base URI; for PlanFix the account too) and credential
/// fingerprint. The server counts per key, so every runspace, thread job and client object using one key must draw
/// on one budget; a per-client limiter would let four parallel runspaces spend four times the rate.
/// The first limiter made for a key wins: its pace holds until the process ends.
/// </summary>
public static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, (RateLimiter Limiter, Pace Pace)> Limiters = new(StringComparer.Ordinal);

    /// <summary>The limiter for the connection's key, made at the connection's pace the first time.</summary>
    public static RateLimiter For(ServiceConnection connection) =>
        Limiters.GetOrAdd(Key(connection), _ => (connection.Pace.CreateLimiter(), connection.Pace)).Limiter;

    /// <summary>The pace of the limiter already made for the connection's key when it is not the connection's own: the
    /// first limiter for a key holds for the process, so a connection asking for another pace does not get it. Null
    /// when none was made yet, or it keeps that pace.</summary>
    public static Pace? PaceOtherThan(ServiceConnection connection) =>
        Limiters.TryGetValue(Key(connection), out var entry) && !entry.Pace.Equals(connection.Pace) ? entry.Pace : null;

    private static string Key(ServiceConnection connection) =>
        $"{connection.Service}|{connection.LimitScope.AbsoluteUri.TrimEnd('/')}|{connection.LimitCredential.Fingerprint}";
}
