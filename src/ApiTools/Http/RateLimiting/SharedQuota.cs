using StackExchange.Redis;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// A daily request quota counted in a <see cref="RedisRateStore"/> by every process on one key (PlanFix: per account
/// and API key), until the day ends in the account's time zone. Null answers mean the store did not answer in time:
/// the caller counts on its own.
/// </summary>
internal sealed class SharedQuota
{
    private readonly RedisRateStore _store;
    private readonly RedisKey[] _keys;
    private readonly TimeZoneInfo _zone;

    private SharedQuota(RedisRateStore store, string limiterKey, TimeZoneInfo zone)
    {
        _store = store;
        _keys = new RedisKey[] { RedisRateStore.KeyFor(limiterKey) + "quota" };
        _zone = zone;
    }

    /// <summary>The shared count of the connection's key, or null when the connection keeps no store.</summary>
    public static SharedQuota? For(ServiceConnection connection, TimeZoneInfo zone) =>
        connection.RateStore is RedisRateStore store ? new SharedQuota(store, RateLimiterRegistry.KeyOf(connection), zone) : null;

    /// <summary>Counts one answered request (or, <paramref name="spent"/>, the server's word that none are left).</summary>
    public async Task<(int Remaining, int Daily, bool FromHeader)?> ObserveAsync(int? header, int daily, bool spent)
    {
        var result = await _store.RunAsync(RedisScripts.QuotaObserve, _keys,
            new RedisValue[] { header ?? -1, daily, EndOfDay().ToUnixTimeMilliseconds(), spent ? 1 : 0 }, onlyWhenAnswering: true).ConfigureAwait(false);
        return Read(result);
    }

    /// <summary>The shared count as it stands (nothing counted), or null when the store did not answer or holds none yet.</summary>
    public async Task<(int Remaining, int Daily, bool FromHeader)?> PeekAsync()
    {
        var result = await _store.RunAsync(RedisScripts.QuotaPeek, _keys, Array.Empty<RedisValue>()).ConfigureAwait(false);
        return Read(result);
    }

    private static (int Remaining, int Daily, bool FromHeader)? Read(RedisResult? result)
    {
        if (result is null) return null;
        var parts = (RedisResult[])result!;
        return (int)parts[0] < 0 ? null : ((int)parts[0], (int)parts[1], (int)parts[2] == 1);
    }

    /// <summary>The next midnight in the account's time zone.</summary>
    private DateTimeOffset EndOfDay()
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, _zone.GetUtcOffset(midnight));
    }
}
