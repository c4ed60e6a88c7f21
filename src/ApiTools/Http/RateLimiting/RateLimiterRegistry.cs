using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Process-wide limiters keyed by service, limit scope (the base URI; for PlanFix the account too) and credential
/// fingerprint. The server counts per key, so every runspace, thread job and client object using one key must draw
/// on one budget; a per-client limiter would let four parallel runspaces spend four times the rate.
/// The first limiter made for a key wins: its pace holds until the process ends. A connection that names a
/// <see cref="RedisRateStore"/> moves the key's budget there (the first store named for a key holds), shared with
/// every process and host on the key; the in-process limiter stays beside it for when the store is lost.
/// </summary>
public static class RateLimiterRegistry
{
    private static readonly ConcurrentDictionary<string, Entry> ProcessLimiters = new(StringComparer.Ordinal);

    // Tests play several processes in one: limiters made inside AsIfAnotherProcess come from a registry of their own.
    private static readonly AsyncLocal<ConcurrentDictionary<string, Entry>?> OtherProcess = new();

    private static ConcurrentDictionary<string, Entry> Limiters => OtherProcess.Value ?? ProcessLimiters;

    /// <summary>Until disposed, limiters made on this flow come from a fresh registry, as in another process.</summary>
    internal static IDisposable AsIfAnotherProcess()
    {
        var before = OtherProcess.Value;
        OtherProcess.Value = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        return new Restore(() => OtherProcess.Value = before);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>The limiter for the connection's key, made at the connection's pace the first time.</summary>
    public static RateLimiter For(ServiceConnection connection)
    {
        var key = Key(connection);
        var entry = Limiters.GetOrAdd(key, _ => new Entry(connection.Pace.CreateLimiter(), connection.Pace));
        if (connection.RateStore is RedisRateStore store && entry.Shared is null)
        {
            var shared = new SharedRateLimiter(entry.Local, entry.Pace, store, key) { InFlightLimit = connection.Retry.AttemptTimeout + TimeSpan.FromSeconds(5) };
            Interlocked.CompareExchange(ref entry.Shared, shared, null);
        }
        return (RateLimiter?)entry.Shared ?? entry.Local;
    }

    /// <summary>The pace of the limiter already made for the connection's key when it is not the connection's own: the
    /// first limiter for a key holds for the process, so a connection asking for another pace does not get it. Null
    /// when none was made yet, or it keeps that pace.</summary>
    public static Pace? PaceOtherThan(ServiceConnection connection) =>
        Limiters.TryGetValue(Key(connection), out var entry) && !entry.Pace.Equals(connection.Pace) ? entry.Pace : null;

    /// <summary>The store already keeping the connection's key when the connection names another: the first holds for
    /// the process. Null when the key's budget is not shared yet, or is shared where the connection asks.</summary>
    public static RedisRateStore? StoreOtherThan(ServiceConnection connection) =>
        Limiters.TryGetValue(Key(connection), out var entry) && entry.Shared is SharedRateLimiter shared
        && connection.RateStore is RedisRateStore asked && !ReferenceEquals(shared.Store, asked)
            ? shared.Store
            : null;

    /// <summary>The key a connection's budget is kept under (service, limit scope, credential hash): never a secret.</summary>
    internal static string KeyOf(ServiceConnection connection) => Key(connection);

    private static string Key(ServiceConnection connection) =>
        $"{connection.Service}|{connection.LimitScope.AbsoluteUri.TrimEnd('/')}|{connection.LimitCredential.Fingerprint}";

    private sealed class Entry
    {
        public Entry(RateLimiter local, Pace pace)
        {
            Local = local;
            Pace = pace;
        }

        public RateLimiter Local { get; }
        public Pace Pace { get; }
        public SharedRateLimiter? Shared;
    }
}
