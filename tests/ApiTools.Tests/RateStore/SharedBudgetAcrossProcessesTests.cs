using ApiTools.Emulator;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Http.RateLimiting;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.RateStore;

/// <summary>
/// Several processes on one key, each with its own limiter registry (as separate processes have), sharing one budget
/// in a Redis-protocol server: the emulator, which counts per key, refuses none of their requests.
/// </summary>
[Collection(nameof(RateStoreCollection))]
public sealed class SharedBudgetAcrossProcessesTests(Garnet garnet) : IClassFixture<Garnet>
{
    private static readonly RetryOptions Retry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    private RedisRateStore Store => RedisRateStore.Open(garnet.Server.Configuration, "test");

    // The emulator admits a little faster than the clients pace themselves (400 ms apart against 512.5 ms): two processes
    // starting together are still refused, while a busy machine's jitter (tens of ms) is not what these tests measure.
    private const double ServerRate = 2.5;

    [Fact]
    public async Task Processes_on_one_PlanFix_account_keep_one_spacing_and_none_is_refused()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = ServerRate });
        var (withStore, observer) = (PlanFixProcesses(server, 3, Store), new RecordingObserver());
        var ids = server.PlanFix.Tasks.Take(3).Select(t => t.Id).ToList();
        var clients = withStore.Select(make => make(observer)).ToList();
        // Warm, as a running worker is: the store connected (a cold process's first call may give up on a store still
        // connecting and pace alone, which the fault tests cover), the clients' code loaded.
        await Task.WhenAll(clients.Select(c => c.GetQuotaAsync()));

        await Task.WhenAll(clients.Select(async client =>
        {
            foreach (var id in ids) await client.GetTaskAsync(id);
        }));

        Assert.Equal(9, server.Requests.Count(PlanFixRouteKeys.TaskGet));
        Assert.Equal(0, observer.CountStatus(429));
    }

    [Fact]
    public async Task Without_the_store_the_same_processes_are_refused()
    {
        // The contrast that shows the test above can fail: each process alone paces itself at about the server's whole rate.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = ServerRate });
        var (alone, observer) = (PlanFixProcesses(server, 3, store: null), new RecordingObserver());
        var ids = server.PlanFix.Tasks.Take(3).Select(t => t.Id).ToList();

        await Task.WhenAll(alone.Select(async make =>
        {
            var client = make(observer);
            foreach (var id in ids) await client.GetTaskAsync(id);
        }));

        Assert.True(observer.CountStatus(429) > 0, "three processes at the whole rate each were never refused");
    }

    [Fact]
    public async Task Processes_on_one_Evotor_token_follow_one_server_window_and_none_is_refused()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorRateLimit = 4, EvotorRateWindow = TimeSpan.FromSeconds(1) });
        var id = server.Evotor.Stores[0].Id;
        var observer = new RecordingObserver();
        var clients = Enumerable.Range(0, 3).Select(_ => InAnotherProcess(() =>
            new EvotorClient(Connection(EvotorConnection.Create(Secret.FromString("evotor-demo-token"), server.EvotorBaseUri, "test", Retry), Store), observer))).ToList();

        // Each process sends 2 at once, 4 times over: 24 requests, at most 4 a window between them.
        await Task.WhenAll(clients.Select(async client =>
        {
            for (var round = 0; round < 4; round++) await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.GetStoreAsync(id)));
        }));

        Assert.True(observer.CountStatus(429) == 0, "429s; the store said: " + string.Join("\n", observer.Warnings));
        Assert.Equal(24, server.Requests.Count("GET /evotor/stores/{id}"));
    }

    [Fact]
    public async Task The_daily_quota_each_process_sees_is_the_server_s_count_while_PlanFix_s_header_lags()
    {
        // PlanFix refreshes X-RateLimit-Remaining about every 10 minutes: taken as exact, each process would see only its own requests.
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            PlanFixRatePerSecond = 0, PlanFixQuotaHeaderRefresh = TimeSpan.FromMinutes(10),
        });
        var clients = PlanFixProcesses(server, 3, Store, rate: 50).Select(make => make(null)).ToList();
        var ids = server.PlanFix.Tasks.Take(4).Select(t => t.Id).ToList();

        foreach (var id in ids)
            foreach (var client in clients) await client.GetTaskAsync(id);
        var seen = await Task.WhenAll(clients.Select(c => c.GetQuotaAsync()));

        Assert.All(seen, quota => Assert.Equal(server.PlanFix.QuotaLeft, quota.Remaining));
        // Every request counts against the quota: the 12 task.get and what reading status names took besides.
        Assert.Equal(12, server.Requests.Count(ApiTools.Emulator.PlanFixRouteKeys.TaskGet));
        Assert.Equal(5000 - server.Requests.Total, server.PlanFix.QuotaLeft);
    }

    private static List<Func<IApiObserver?, PlanFixClient>> PlanFixProcesses(EmulatorServer server, int count, RedisRateStore? store, double rate = 2) =>
        Enumerable.Range(0, count).Select(_ =>
        {
            // The connection (and its quota count) belongs to its process; so does the limiter its first client makes.
            var connection = InAnotherProcess(() => Connection(PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"),
                Secret.FromString("planfix-demo-token"), server.PlanFixBaseUri, "test", new PlanFixOptions { RequestsPerSecond = rate, Retry = Retry }), store));
            return (Func<IApiObserver?, PlanFixClient>)(observer => InAnotherProcess(() => new PlanFixClient(connection, observer)));
        }).ToList();

    private static T Connection<T>(T connection, RedisRateStore? store) where T : ServiceConnection
    {
        connection.RateStore = store;
        return connection;
    }

    private static T InAnotherProcess<T>(Func<T> make)
    {
        using (RateLimiterRegistry.AsIfAnotherProcess()) return make();
    }
}
