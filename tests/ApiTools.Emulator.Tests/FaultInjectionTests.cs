using Xunit;
using System.Net;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(503, "service_unavailable")]
    [InlineData(429, "rate_limit_exceeded")]
    public async Task A_status_fault_answers_once_then_the_route_recovers(int status, string code)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, Status = status, RetryAfterSeconds = 2 });

        var (faulted, _, error) = await GetJsonAsync(client, "evotor/stores");
        var (recovered, _, _) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(status, (int)faulted.StatusCode);
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(2), faulted.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.Stores)); // the faulted request counts too
    }

    [Fact]
    public async Task Faults_match_their_route_only_and_run_in_order()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var storePath = "evotor/stores/" + server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Store, Status = 500, Times = 2 });
        server.Faults.Enqueue(new FaultRule { Route = "/evotor/stores/{id}", Status = 502 }); // template alone: any method

        var (list, _, _) = await GetJsonAsync(client, "evotor/stores");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++) statuses.Add((int)(await GetJsonAsync(client, storePath)).Response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal([500, 500, 502, 200], statuses);
        Assert.Empty(server.Faults.Pending());
    }

    [Fact]
    public async Task Repeat_cursor_echoes_the_request_cursor()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { MaxPageSize = 2 });
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, RepeatCursor = true });

        // The first page carries no cursor, so the rule waits for the second.
        var (_, _, first) = await GetJsonAsync(client, "evotor/stores");
        var cursor = first.GetProperty("paging").GetProperty("next_cursor").GetString()!;
        var (_, _, repeated) = await GetJsonAsync(client, "evotor/stores?cursor=" + Uri.EscapeDataString(cursor));
        var (_, _, normal) = await GetJsonAsync(client, "evotor/stores?cursor=" + Uri.EscapeDataString(cursor));

        Assert.Equal(cursor, repeated.GetProperty("paging").GetProperty("next_cursor").GetString());
        Assert.Equal(server.Evotor.Stores[2].Id, repeated.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.NotEqual(cursor, normal.GetProperty("paging").GetProperty("next_cursor").GetString());
    }

    [Fact]
    public async Task Drop_connection_aborts_without_an_answer()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { DropConnection = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("evotor/stores"));
        var (after, _, _) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, server.Requests.Total);
    }

    [Fact]
    public async Task Unauthenticated_requests_do_not_use_up_a_fault()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var anonymous = Client(server, bearer: null);
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Status = 503 });

        var (unauthorized, _, _) = await GetJsonAsync(anonymous, "evotor/stores");
        var (faulted, _, _) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
    }

    [Theory]
    [InlineData(0, false, false, 1)] // no fault at all
    [InlineData(503, true, false, 1)] // two kinds at once
    [InlineData(503, false, false, 0)] // no tries
    [InlineData(42, false, false, 1)] // not an HTTP status
    public void Rules_that_cannot_fire_are_refused(int status, bool repeatCursor, bool drop, int times)
    {
        var faults = new FaultQueue();
        Assert.Throws<ArgumentException>(() =>
            faults.Enqueue(new FaultRule { Status = status, RepeatCursor = repeatCursor, DropConnection = drop, Times = times }));
    }
}
