using ApiTools.Http.RateLimiting;
using StackExchange.Redis;

namespace ApiTools.Tests.RateStore;

/// <summary>
/// The server-guided budget's scripts in a Redis-protocol server, turning the shared window as the in-process limiter
/// does (ServerGuidedRateLimiterTests): at the earliest end the window's answers allow; a refusal holds it longer.
/// </summary>
[Collection(nameof(RateStoreCollection))]
public sealed class GuidedScriptTests(Garnet garnet) : IClassFixture<Garnet>
{
    [Fact]
    public async Task The_shared_window_turns_at_the_end_its_first_answer_allows()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Server.Configuration);
        var budget = await Budget.SecondTakenAsync(redis.GetDatabase());
        await Task.Delay(TimeSpan.FromMilliseconds(200)); // the second answer is read later, its Reset still "1 s"
        await budget.ObserveAsync("b", remaining: 0, resetMs: 1000);

        Assert.InRange(await budget.TakeAsync("c"), 1, 850);
    }

    [Fact]
    public async Task A_refusal_holds_the_shared_window_until_its_own_time()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Server.Configuration);
        var budget = await Budget.SecondTakenAsync(redis.GetDatabase());
        await budget.ObserveAsync("b", remaining: 0, resetMs: 2000, refused: true);
        Assert.True(await budget.TakeAsync("c") > 1500);

        // A late answer of the same window with the earlier end does not bring the refusal's time forward.
        await budget.ObserveAsync("late", remaining: 0, resetMs: 1000);
        Assert.True(await budget.TakeAsync("d") > 1500);
    }

    /// <summary>One key's guided budget at a limit of 2, driven as SharedRateLimiter drives it.</summary>
    private sealed class Budget(IDatabase database)
    {
        /// <summary>A fresh budget whose first answer ("a") said one permit is left for a second, and the second ("b") taken.</summary>
        public static async Task<Budget> SecondTakenAsync(IDatabase database)
        {
            var budget = new Budget(database);
            await budget.AnsweredAsync("a", remaining: 1, resetMs: 1000);
            Assert.Equal(0, await budget.TakeAsync("b"));
            return budget;
        }

        private readonly RedisKey[] _keys = KeysFor("apitools:test:" + Guid.NewGuid().ToString("N") + ":");

        private static RedisKey[] KeysFor(string prefix) => new RedisKey[] { prefix + "figures", prefix + "inflight", prefix + "granted" };

        /// <summary>Takes a permit: 0 when granted, else the wait in ms (-1: until a permit in flight comes back).</summary>
        public async Task<long> TakeAsync(string lease)
        {
            var parts = (RedisResult[])(await database.ScriptEvaluateAsync(RedisScripts.GuidedTake, _keys, new RedisValue[] { lease, 30_000 }))!;
            return (long)parts[0] == 1 ? 0 : (long)parts[1];
        }

        public Task ObserveAsync(string lease, int remaining, long resetMs, bool refused = false) =>
            database.ScriptEvaluateAsync(RedisScripts.GuidedObserve, _keys, new RedisValue[]
            {
                lease, -1, 2, remaining, resetMs, refused ? 1 : 0, 1,
            });

        public async Task AnsweredAsync(string lease, int remaining, long resetMs)
        {
            Assert.Equal(0, await TakeAsync(lease));
            await ObserveAsync(lease, remaining, resetMs);
        }
    }
}
