using System.Net.Http.Json;
using Xunit;
using System.Net;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class ControlSurfaceTests
{
    [Fact]
    public async Task Requests_are_counted_per_route_key_and_control_calls_are_not()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        using var anonymous = Client(server, bearer: null);

        await client.GetAsync("evotor/stores");
        await client.GetAsync("evotor/stores?limit=1");
        await client.GetAsync("evotor/stores/" + server.Evotor.Stores[0].Id);
        await anonymous.GetAsync("evotor/stores"); // a 401 still reached the route
        await client.GetAsync("evotor/no-such-thing");
        var counters = await client.GetFromJsonAsync<Dictionary<string, int>>("_emulator/requests");

        var expected = new Dictionary<string, int>
        {
            ["GET /evotor/stores"] = 3,
            ["GET /evotor/stores/{id}"] = 1,
            ["GET /evotor/{**path}"] = 1,
        };
        Assert.Equal(expected, counters);
        Assert.Equal(expected, server.Requests.Snapshot());
        Assert.Equal(5, server.Requests.Total);
    }

    [Fact]
    public async Task Reset_clears_counters_faults_and_settings()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { MaxPageSize = 50 });
        using var client = Client(server);
        await client.GetAsync("evotor/stores");
        server.Faults.Enqueue(new FaultRule { Status = 503 });
        server.Settings.MaxPageSize = 2;
        server.Settings.EvotorRateLimit = 1;

        using var reset = await client.PostAsync("_emulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, server.Requests.Total);
        Assert.Empty(server.Faults.Pending());
        Assert.Equal(50, server.Settings.MaxPageSize);
        Assert.Equal(0, server.Settings.EvotorRateLimit);
    }

    [Fact]
    public async Task Settings_and_faults_can_be_changed_over_http()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        using var update = await client.PostAsync("_emulator/settings", Json("""{"maxPageSize":2,"evotorRateLimit":10,"evotorRateWindowMs":30000,"latencyMs":1}"""));
        using var invalid = await client.PostAsync("_emulator/settings", Json("""{"maxPageSize":0}"""));
        using var typo = await client.PostAsync("_emulator/settings", Json("""{"pageSize":5}"""));
        using var fault = await client.PostAsync("_emulator/faults", Json("""{"route":"GET /evotor/stores","status":503}"""));
        using var badFault = await client.PostAsync("_emulator/faults", Json("""{"status":503,"dropConnection":true}"""));
        var settings = await client.GetFromJsonAsync<JsonElement>("_emulator/settings");
        var (faulted, _, _) = await GetJsonAsync(client, "evotor/stores");
        var (page, _, json) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFault.StatusCode);
        Assert.Equal(2, settings.GetProperty("maxPageSize").GetInt32());
        Assert.Equal(30000, settings.GetProperty("evotorRateWindowMs").GetInt64());
        Assert.Equal(TimeSpan.FromMilliseconds(1), server.Settings.Latency);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(2, json.GetProperty("items").GetArrayLength());
        Assert.Equal("10", Header(page, "X-RateLimit-Limit"));
    }

    [Fact]
    public async Task Latency_ends_when_the_client_cancels()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Latency = TimeSpan.FromMinutes(5) });
        using var client = Client(server);
        using var cancel = new CancellationTokenSource();

        var call = client.GetAsync("evotor/stores", cancel.Token);
        await server.WaitForRequestAsync(EvotorRouteKeys.Stores, 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, server.Requests.InFlight);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        // The server lets go long before the five-minute latency would have ended.
        await server.Requests.WaitForIdleAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Latency_delays_answers_but_not_control_calls()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Settings.Latency = TimeSpan.FromMilliseconds(300);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var (response, _, _) = await GetJsonAsync(client, "evotor/stores");
        var serviceTime = started.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(serviceTime >= TimeSpan.FromMilliseconds(290), $"answered after {serviceTime}");
        server.Settings.Latency = TimeSpan.FromMinutes(5);
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var control = await client.GetAsync("_emulator/requests", quick.Token);
        Assert.Equal(HttpStatusCode.OK, control.StatusCode);
    }

    [Fact]
    public async Task Wait_for_request_times_out_clearly()
    {
        await using var server = await EmulatorServer.StartAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            server.WaitForRequestAsync(EvotorRouteKeys.Stores, 1, TimeSpan.FromMilliseconds(50)));

        Assert.Contains(EvotorRouteKeys.Stores, error.Message);
    }

    [Fact]
    public async Task Address_and_base_uri_point_at_the_bound_port()
    {
        await using var server = await EmulatorServer.StartAsync();

        Assert.Equal("127.0.0.1", server.Address.Host);
        Assert.NotEqual(0, server.Address.Port);
        Assert.Equal("/", server.Address.AbsolutePath);
        Assert.Equal(new Uri($"http://127.0.0.1:{server.Address.Port}/evotor"), server.EvotorBaseUri);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--seed", "x")]
    [InlineData("--max-page-size", "0")]
    [InlineData("--latency-ms")]
    [InlineData("--evotor-bulk-duration-ms", "-1")]
    public async Task Bad_command_line_exits_with_2(params string[] args)
    {
        Assert.Equal(2, await ApiTools.Emulator.Program.Main(args));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
