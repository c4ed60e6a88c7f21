using System.Net;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

/// <summary>The rateHeaders fault: a server whose rate-limit figures are missing, zero or absurd (issue 19, cases 2 and 11).</summary>
public sealed class RateHeadersFaultTests
{
    [Fact]
    public async Task The_rule_s_headers_replace_the_service_s_own_and_a_left_out_one_is_not_sent()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorRateLimit = 50 });
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, RateHeaders = new RateHeaders { Limit = "0", Remaining = "0" } });

        var faulted = await client.GetAsync("evotor/stores");
        var next = await client.GetAsync("evotor/stores");

        Assert.Equal(HttpStatusCode.OK, faulted.StatusCode);
        Assert.Equal("0", Header(faulted, "X-RateLimit-Limit"));
        Assert.Equal("0", Header(faulted, "X-RateLimit-Remaining"));
        Assert.False(faulted.Headers.Contains("X-RateLimit-Reset"));
        // The next answer carries the service's own figures again.
        Assert.Equal("50", Header(next, "X-RateLimit-Limit"));
        Assert.NotEqual("", Header(next, "X-RateLimit-Reset"));
    }

    [Fact]
    public async Task With_a_status_the_request_is_refused_under_the_rule_s_headers_as_written()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.Stores, RateHeaders = new RateHeaders { Reset = "1e12", Status = 429 } });

        var refused = await client.GetAsync("evotor/stores");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("1e12", Header(refused, "X-RateLimit-Reset"));
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.Contains("injected fault", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void A_rule_is_one_kind_and_its_status_is_an_HTTP_status()
    {
        var both = new FaultRule { Status = 503, RateHeaders = new RateHeaders { Remaining = "0" } };
        var badStatus = new FaultRule { RateHeaders = new RateHeaders { Status = 42 } };
        var parsed = Control.ControlEndpoints.ParseFault("""{"rateHeaders":{"remaining":"0","reset":"3600"}}""");

        Assert.Contains("exactly one of", Assert.Throws<ArgumentException>(() => new FaultQueue().Enqueue(both)).Message);
        Assert.Contains("RateHeaders.Status", Assert.Throws<ArgumentException>(() => new FaultQueue().Enqueue(badStatus)).Message);
        Assert.Equal(new RateHeaders { Remaining = "0", Reset = "3600" }, parsed.RateHeaders);
    }
}
