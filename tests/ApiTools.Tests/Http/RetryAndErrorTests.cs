using System.Diagnostics;
using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Http;

public class RetryAndErrorTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_the_server_gave()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = RouteStore, Status = 429, RetryAfterSeconds = 1 });
        var observer = new RecordingObserver();
        var id = server.Evotor.Stores[0].Id;

        var clock = Stopwatch.StartNew();
        var store = await Client(server, observer).GetStoreAsync(id);

        Assert.Equal(id, store.Id);
        Assert.Equal(2, server.Requests.Count(RouteStore));
        var wait = Assert.Single(observer.Waits);
        Assert.Equal(TimeSpan.FromSeconds(1), wait.Delay); // the server's word, not our backoff (5 ms here)
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_400_is_not_retried_and_lists_the_server_violations()
    {
        await using var server = await StartAsync();
        var error = await Assert.ThrowsAsync<ApiValidationException>(() => Client(server).InvokeAsync("GET", "stores?limit=0", null));
        Assert.Equal(1, server.Requests.Count(RouteStores));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.Violations, v => v.Subject == "limit");
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public async Task A_401_stops_at_once_and_never_shows_the_token()
    {
        await using var server = await StartAsync();
        const string wrong = "wrong-token-5d1c9e";
        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server, token: wrong).GetStoresAsync().ToListAsync());
        Assert.Equal(ApiErrorKind.Unauthorized, error.Kind);
        Assert.True(error.StopsEverything);
        Assert.Equal(1, server.Requests.Count(RouteStores));
        Assert.DoesNotContain(wrong, error.ToString());
    }

    [Fact]
    public async Task Server_errors_are_retried_up_to_the_attempt_limit_then_one_error_says_what_was_tried()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, Status = 503, Times = 10 });
        var retry = FastRetry.With(maxAttempts: 3);

        var error = await Assert.ThrowsAsync<ApiRetriesExhaustedException>(() => Client(server, retry: retry).GetStoresAsync().ToListAsync());

        Assert.Equal(3, server.Requests.Count(RouteStores));
        Assert.Equal(3, error.Attempts.Count);
        Assert.All(error.Attempts, a => Assert.StartsWith("503", a));
        Assert.Contains("3 attempts", error.Message);
        Assert.Contains("GET /stores", error.Message);
        Assert.True(error.StopsEverything);
    }

    [Fact]
    public async Task A_retry_whose_wait_would_pass_the_budget_is_not_made()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, Status = 429, RetryAfterSeconds = 30 });
        var retry = FastRetry.With(budget: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ApiRetriesExhaustedException>(() => Client(server, retry: retry).GetStoresAsync().ToListAsync());

        Assert.Equal(1, server.Requests.Count(RouteStores));
        Assert.Contains("budget", error.Message);
    }

    [Fact]
    public async Task A_POST_that_the_server_may_have_acted_on_is_not_sent_twice()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Status = 503 }); // any route: the emulator has no POST /stores
        var error = await Assert.ThrowsAsync<ApiException>(() => Client(server).InvokeAsync("POST", "stores", "{}"));
        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
        Assert.Equal(1, server.Requests.Total);
    }

    [Fact]
    public async Task A_POST_refused_with_429_is_retried_because_the_server_did_not_act()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Status = 429, RetryAfterSeconds = 0 });
        // Past the 429 the emulator answers the POST as it would (stores cannot be created): what matters is the second try.
        await Assert.ThrowsAnyAsync<ApiException>(() => Client(server).InvokeAsync("POST", "stores", "{}"));
        Assert.Equal(2, server.Requests.Total);
    }

    [Fact]
    public async Task A_dropped_connection_on_a_GET_is_retried()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, DropConnection = true });
        var stores = await Client(server).GetStoresAsync().ToListAsync();
        Assert.Equal(server.Evotor.Stores.Count, stores.Count);
        Assert.Equal(2, server.Requests.Count(RouteStores));
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_refused_before_anything_is_sent()
    {
        var error = Assert.Throws<ApiException>(() =>
            ApiTools.Evotor.EvotorConnection.Create(Secret.FromString("t"), new Uri("http://api.evotor.ru"), "test"));
        Assert.Equal(ApiErrorKind.Configuration, error.Kind);
        Assert.Contains("https", error.Message);
        await Task.CompletedTask;
    }
}
