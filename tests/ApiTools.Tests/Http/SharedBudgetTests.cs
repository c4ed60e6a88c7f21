using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Http;

public class SharedBudgetTests
{
    [Fact]
    public async Task Two_clients_on_one_key_share_one_budget_and_never_provoke_a_429()
    {
        const int limit = 4;
        await using var server = await StartAsync(o =>
        {
            o.EvotorRateLimit = limit;
            o.EvotorRateWindow = TimeSpan.FromSeconds(1);
            o.EvotorStores = 6;
        });
        var observer = new RecordingObserver();
        var ids = server.Evotor.Stores.Select(s => s.Id).ToArray();
        // Separate client objects, as two runspaces would make; each alone would think it has the whole budget.
        var a = Client(server, observer);
        var b = Client(server, observer);

        var work = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? a : b).GetStoreAsync(ids[i % ids.Length]));
        var stores = await Task.WhenAll(work);

        Assert.Equal(12, stores.Length);
        Assert.Equal(0, observer.CountStatus(429));
        Assert.Equal(12, server.Requests.Count(RouteStore));
    }

    [Fact]
    public async Task Different_tokens_do_not_share_a_budget()
    {
        await using var server = await StartAsync(o => { o.EvotorRateLimit = 2; o.EvotorRateWindow = TimeSpan.FromSeconds(30); });
        var id = server.Evotor.Stores[0].Id;
        var observer = new RecordingObserver();
        var first = Client(server, observer, token: "evotor-demo-token");
        var second = Client(server, observer, token: "evotor-demo-token-2");

        // Each token spends its own two requests of a 30 s window: no wait, no 429.
        await first.GetStoreAsync(id);
        await first.GetStoreAsync(id);
        await second.GetStoreAsync(id);
        await second.GetStoreAsync(id);

        Assert.Empty(observer.Waits);
        Assert.Equal(0, observer.CountStatus(429));
    }
}
