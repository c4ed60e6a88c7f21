using ApiTools.Http.RateLimiting;
using StackExchange.Redis;

namespace ApiTools.Tests.RateStore;

/// <summary>
/// The spaced budget's script on a server that expires keys while a script runs, as Garnet does: the set of starts may
/// be gone between the script counting it and reading the start that blocks (its time to live ends as its newest start
/// leaves the window, so at a fast pace, or for a caller that waited exactly the wait it was told, this happens). That
/// is a grant, never a script error (which would make the whole store count as lost).
/// </summary>
[Collection(nameof(RateStoreCollection))]
public sealed class SpacedTakeScriptTests(Garnet garnet) : IClassFixture<Garnet>
{
    // The script as it is, with the set made to expire right after ZCARD counted it: a local `redis` shadows the
    // server's table for the script's own calls.
    private const string ExpiringAfterCount = """
        local server = redis
        local redis = { call = function(command, ...)
          if command == 'ZRANGE' then server.call('DEL', KEYS[1]) end
          return server.call(command, ...)
        end }

        """ + RedisScripts.SpacedTake;

    [Fact]
    public async Task A_set_that_expires_while_the_script_runs_grants_the_start()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Server.Configuration);
        var (database, keys) = await FirstStartAsync(redis);

        var answer = await database.ScriptEvaluateAsync(ExpiringAfterCount, keys, new RedisValue[] { 1, 1000, "second" });

        Assert.Equal(0, (long)answer);
        Assert.Equal(new RedisValue[] { "second" }, await database.SortedSetRangeByRankAsync(keys[0]));
    }

    [Fact]
    public async Task A_set_that_stays_keeps_the_next_start_waiting()
    {
        // The contrast: the same two starts with the set in place, so the second waits its turn.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Server.Configuration);
        var (database, keys) = await FirstStartAsync(redis);

        var wait = (long)await database.ScriptEvaluateAsync(RedisScripts.SpacedTake, keys, new RedisValue[] { 1, 1000, "second" });

        Assert.InRange(wait, 1, 1000);
        Assert.Equal(new RedisValue[] { "first" }, await database.SortedSetRangeByRankAsync(keys[0]));
    }

    /// <summary>A fresh key at one start a second, its first start granted: it blocks the next for about a second.</summary>
    private static async Task<(IDatabase Database, RedisKey[] Keys)> FirstStartAsync(ConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        RedisKey[] keys = { "apitools:test:" + Guid.NewGuid().ToString("N") + ":starts" };
        Assert.Equal(0, (long)await database.ScriptEvaluateAsync(RedisScripts.SpacedTake, keys, new RedisValue[] { 1, 1000, "first" }));
        return (database, keys);
    }
}
