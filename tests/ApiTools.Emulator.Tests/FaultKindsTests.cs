using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>The fault kinds issue 8 asks for beyond status codes: acted-then-dropped, slow, short and cut bodies, seeded draws.</summary>
public sealed class FaultKindsTests
{
    [Fact]
    public async Task Drop_response_acts_on_the_request_and_then_gives_no_answer()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var before = server.Evotor.ProductsOf(store).Count();
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.CreateProduct, DropResponse = true });

        var body = new StringContent("""{"name":"Dropped answer","type":"NORMAL","measure_name":"шт","tax":"NO_VAT","allow_to_sell":true,"price":10}""",
            Encoding.UTF8, "application/vnd.evotor.v2+json");
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync($"evotor/stores/{store}/products", body));

        Assert.Equal(before + 1, server.Evotor.ProductsOf(store).Count());
        Assert.Contains(server.Evotor.ProductsOf(store), p => p.Name == "Dropped answer");
    }

    [Fact]
    public async Task Short_body_ends_cleanly_half_way_so_the_JSON_is_malformed()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var full = await client.GetByteArrayAsync("evotor/stores");
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, ShortBody = true });

        var response = await client.GetAsync("evotor/stores");
        var cut = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(full.Length / 2, cut.Length);
        Assert.Equal(full.Take(cut.Length), cut);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(cut));
    }

    [Fact]
    public async Task Truncate_body_sends_half_under_the_full_length_and_resets_the_connection()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, TruncateBody = true });

        // The reset can overtake the half body (and even the headers) in flight: either way the client gets no whole answer.
        var failure = await Record.ExceptionAsync(async () =>
        {
            var response = await client.GetAsync("evotor/stores", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await response.Content.ReadAsByteArrayAsync();
        });
        Assert.True(failure is HttpRequestException or IOException, $"expected a broken connection, got {failure?.GetType().Name ?? "a whole answer"}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("evotor/stores")).StatusCode);
    }

    [Fact]
    public async Task Delay_holds_the_answer_longer_than_a_client_waits_then_the_route_recovers()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var impatient = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, DelayMs = 30_000 });

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.GetAsync("evotor/stores"));
        // The route recovers: the next request is answered (asked with a client's usual patience, as the first answer of a
        // cold emulator may take longer than the impatient client's 300 ms on a busy machine).
        using var patient = Client(server);
        var after = await patient.GetAsync("evotor/stores");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Probability_draws_are_seeded_so_a_run_replays_exactly()
    {
        async Task<List<int>> RunAsync(int seed)
        {
            await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { FaultSeed = seed });
            using var client = Client(server);
            server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, Status = 503, Probability = 0.3, Times = 1000 });
            var statuses = new List<int>();
            for (var i = 0; i < 40; i++) statuses.Add((int)(await client.GetAsync("evotor/stores")).StatusCode);
            return statuses;
        }

        var first = await RunAsync(7);
        var again = await RunAsync(7);
        var other = await RunAsync(8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.InRange(first.Count(s => s == 503), 4, 24); // about 30 % of 40
        Assert.All(first, s => Assert.Contains(s, new[] { 200, 503 }));
    }

    [Fact]
    public async Task The_control_route_reseeds_and_queues_new_kinds_by_JSON()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Faults = [new FaultRule { Route = EvotorRouteKeys.Stores, Status = 502 }],
        });
        using var control = new HttpClient { BaseAddress = server.Address };

        var reseed = await control.PostAsJsonAsync("_emulator/faults/seed", new { seed = 99 });
        var queued = await control.PostAsync("_emulator/faults",
            new StringContent("""{"route":"GET /evotor/stores","shortBody":true,"probability":0.5,"times":3}""", Encoding.UTF8, "application/json"));
        var refused = await control.PostAsync("_emulator/faults",
            new StringContent("""{"delayMs":100,"shortBody":true}""", Encoding.UTF8, "application/json"));
        var pending = await control.GetFromJsonAsync<JsonElement>("_emulator/faults");

        Assert.Equal(HttpStatusCode.OK, reseed.StatusCode);
        Assert.Equal(99, server.Faults.Seed);
        Assert.Equal(HttpStatusCode.NoContent, queued.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("exactly one of", await refused.Content.ReadAsStringAsync());
        Assert.Equal(2, pending.GetArrayLength()); // the start-up rule and the queued one
        Assert.Equal(502, pending[0].GetProperty("status").GetInt32());
        Assert.Equal(0.5, pending[1].GetProperty("probability").GetDouble());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_probability_outside_0_to_1_is_refused(double p)
    {
        var error = Assert.Throws<ArgumentException>(() => new FaultQueue().Enqueue(new FaultRule { Status = 503, Probability = p }));
        Assert.Contains("Probability", error.Message);
    }
}
