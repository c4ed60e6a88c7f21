using ApiTools.Emulator;
using ApiTools.Paging;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Evotor;

public class EvotorStoresClientTests
{
    [Fact]
    public async Task Lists_every_seeded_store_across_pages_with_one_request_per_page()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 7; o.MaxPageSize = 2; });
        var stores = await Client(server).GetStoresAsync().ToListAsync();

        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), stores.Select(s => s.Id));
        Assert.Equal(4, server.Requests.Count(RouteStores)); // 2 + 2 + 2 + 1
        var first = server.Evotor.Stores[0];
        Assert.Equal(first.Name, stores[0].Name);
        Assert.Equal(first.Address, stores[0].Address);
        Assert.Equal(first.UserId, stores[0].UserId);
        Assert.Equal(first.CreatedAt, stores[0].CreatedAt);
        Assert.Equal(first.UpdatedAt, stores[0].UpdatedAt);
        Assert.Equal(stores[0].Id, stores[0].StoreId);
    }

    [Fact]
    public async Task The_next_page_is_requested_when_item_k_plus_1_is_asked_for()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 40; o.MaxPageSize = 20; });
        await using var items = Client(server).GetStoresAsync().GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
        Assert.True(await items.MoveNextAsync()); // k = 2 items consumed: nothing more asked
        Assert.Equal(1, server.Requests.Count(RouteStores));

        Assert.True(await items.MoveNextAsync()); // item 3 starts page 2
        await server.WaitForRequestAsync(RouteStores, 2, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task First_five_costs_one_request()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 12; o.MaxPageSize = 10; });
        var stores = await Client(server).GetStoresAsync(new PageRange(0, 5)).ToListAsync();
        Assert.Equal(server.Evotor.Stores.Take(5).Select(s => s.Id), stores.Select(s => s.Id));
        Assert.Equal(1, server.Requests.Count(RouteStores));
    }

    [Fact]
    public async Task A_page_that_repeats_its_own_cursor_is_asked_for_again_and_every_store_comes_once()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 10; o.MaxPageSize = 2; });
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, RepeatCursor = true });
        var observer = new RecordingObserver();

        var stores = await Client(server, observer).GetStoresAsync().ToListAsync();

        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), stores.Select(s => s.Id));
        Assert.Equal(6, server.Requests.Count(RouteStores)); // 5 pages + the one asked for again
        Assert.Single(observer.Warnings);
    }

    [Fact]
    public async Task A_cursor_the_server_keeps_repeating_ends_the_listing_with_an_error()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 10; o.MaxPageSize = 2; });
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, RepeatCursor = true, Times = 10 });

        var received = new List<string>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var store in Client(server).GetStoresAsync()) received.Add(store.Id);
        });

        Assert.Equal(server.Evotor.Stores.Take(4).Select(s => s.Id), received);
        Assert.Equal("Evotor", error.Service);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
    }

    [Fact]
    public async Task Gets_one_store_by_id_and_a_missing_one_is_NotFound()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var seeded = server.Evotor.Stores[2];

        var store = await client.GetStoreAsync(seeded.Id);
        Assert.Equal(seeded.Name, store.Name);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetStoreAsync("no-such-store"));
        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Equal(404, error.StatusCode);
        Assert.False(error.StopsEverything);
        Assert.Equal(2, server.Requests.Count(RouteStore)); // one each: a 404 is final, never retried
    }

    [Fact]
    public async Task Fields_the_model_does_not_name_are_kept_in_Extra()
    {
        await using var server = await StartAsync(o => o.UnknownFields = true);
        var store = (await Client(server).GetStoresAsync().ToListAsync())[0];
        Assert.NotNull(store.Extra);
        Assert.Equal(server.Evotor.Stores[0].ExternalCode, store.Extra!["external_code"]);
        Assert.Equal($"external_code={server.Evotor.Stores[0].ExternalCode}", store.Extra.ToString());
    }

    [Fact]
    public async Task Raw_requests_page_with_All_and_return_json()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 5; o.MaxPageSize = 2; });
        var client = Client(server);
        var items = await client.InvokePagedAsync("stores").ToListAsync();
        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), items.Select(i => i.GetProperty("id").GetString()));

        var one = await client.InvokeAsync("GET", $"stores/{server.Evotor.Stores[0].Id}", null);
        Assert.Equal(server.Evotor.Stores[0].Name, one!.Value.GetProperty("name").GetString());
    }
}
