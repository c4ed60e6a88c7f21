using System.Diagnostics;
using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.Http.RateLimiting;
using ApiTools.PlanFix;
using ApiTools.Testing;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.RateStore;

/// <summary>
/// The shared store fails: unreachable from the start, lost mid-run, slow, or refusing the password. The requests go
/// on, paced by the process's own limiter, with one warning when the store goes and one when it is back; a slow store
/// adds at most its bound to a request's wait. The password never shows.
/// </summary>
[Collection(nameof(RateStoreCollection))]
public sealed class RateStoreFaultTests
{
    private const string Password = "s3cret-Redis-Pw";
    private const double Rate = 1;
    private static readonly RetryOptions Retry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task A_store_unreachable_from_the_start_gives_one_warning_and_the_process_s_own_pace_with_no_429()
    {
        await using var server = await StartAsync();
        var observer = new RecordingObserver();
        var client = Client(server, observer, RedisRateStore.Open($"127.0.0.1:{GarnetServer.FreePort()},password={Password}", "test"));

        foreach (var id in TaskIds(server, 5)) await client.GetTaskAsync(id);

        var warning = Assert.Single(observer.Warnings);
        Assert.Contains("not reachable", warning);
        Assert.Contains("kept in this process", warning);
        Assert.DoesNotContain(Password, warning);
        Assert.Equal(0, observer.CountStatus(429));
        Assert.Equal(5, server.Requests.Count(PlanFixRouteKeys.TaskGet));
    }

    [Fact]
    public async Task A_wrong_password_is_a_store_not_reachable_and_neither_password_shows()
    {
        await using var garnet = await GarnetServer.StartAsync(password: Password);
        await using var server = await StartAsync();
        var observer = new RecordingObserver();
        var store = RedisRateStore.Open($"127.0.0.1:{garnet.Port},password=wrong-{Password}", "test");
        var client = Client(server, observer, store);

        foreach (var id in TaskIds(server, 3)) await client.GetTaskAsync(id);

        var warning = Assert.Single(observer.Warnings);
        Assert.Contains("not reachable", warning);
        Assert.DoesNotContain(Password, warning);
        Assert.DoesNotContain(Password, store.ToString());
        Assert.Equal(0, observer.CountStatus(429));
    }

    [Fact]
    public async Task A_store_lost_mid_run_gives_one_warning_and_one_more_when_it_is_back()
    {
        await using var garnet = await GarnetServer.StartAsync();
        await using var server = await StartAsync();
        var observer = new RecordingObserver();
        var store = RedisRateStore.Open(garnet.Configuration, "test");
        var client = Client(server, observer, store);
        var ids = TaskIds(server, 40);

        await client.GetTaskAsync(ids[0]);
        Assert.Empty(observer.Warnings);
        await garnet.KillAsync();
        for (var i = 1; i < 4; i++) await client.GetTaskAsync(ids[i]);
        Assert.Contains("not reachable", Assert.Single(observer.Warnings));

        await garnet.RestartAsync();
        // The store is tried again at most every 5 s, and the client reconnects by itself: a few more requests.
        var i2 = 4;
        while (observer.Warnings.Count < 2 && i2 < ids.Count) await client.GetTaskAsync(ids[i2++]);

        Assert.Equal(2, observer.Warnings.Count);
        Assert.Contains("is back", observer.Warnings.Last());
        Assert.True(store.IsAvailable);
        Assert.Equal(0, observer.CountStatus(429));
    }

    [Fact]
    public async Task A_frozen_store_adds_at_most_its_bound_to_a_request_s_wait()
    {
        await using var garnet = await GarnetServer.StartAsync();
        await using var server = await StartAsync();
        var observer = new RecordingObserver();
        var client = Client(server, observer, RedisRateStore.Open(garnet.Configuration, "test"));
        var ids = TaskIds(server, 12);
        await client.GetTaskAsync(ids[0]);

        // The same requests with the store answering, then frozen (connected, never answering): what the store adds.
        var answering = await SlowestAsync(client, ids.Skip(1).Take(4));
        garnet.Freeze();
        TimeSpan frozen;
        try
        {
            frozen = await SlowestAsync(client, ids.Skip(5).Take(6));
        }
        finally
        {
            garnet.Thaw();
        }

        // Each request waits its pace, plus at most the store's bound: never the store's own timeouts (seconds).
        Assert.True(frozen - answering < RedisRateStore.CallBound + TimeSpan.FromMilliseconds(250),
            $"the slowest request took {frozen.TotalMilliseconds:0} ms with the store frozen, {answering.TotalMilliseconds:0} ms with it answering");
        Assert.Contains("not reachable", observer.Warnings.First());
        Assert.Equal(0, observer.CountStatus(429));
    }

    private static async Task<TimeSpan> SlowestAsync(PlanFixClient client, IEnumerable<long> ids)
    {
        var slowest = TimeSpan.Zero;
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            await client.GetTaskAsync(id);
            if (clock.Elapsed > slowest) slowest = clock.Elapsed;
        }
        return slowest;
    }

    // The emulator admits a little faster than the client paces itself (0.8 s apart against 1.025 s): a burst or a
    // doubled start is still refused, while a busy machine's jitter (tens of ms) is not what these tests measure.
    private static Task<EmulatorServer> StartAsync() => EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = Rate * 1.25 });

    private static PlanFixClient Client(EmulatorServer server, IApiObserver observer, RedisRateStore store)
    {
        var connection = PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
            server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = Rate, Retry = Retry });
        connection.RateStore = store;
        using (RateLimiterRegistry.AsIfAnotherProcess()) return new PlanFixClient(connection, observer);
    }

    private static List<long> TaskIds(EmulatorServer server, int count) => server.PlanFix.Tasks.Take(count).Select(t => t.Id).ToList();
}
