using Xunit;
using System.Net;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorAuthAndRateLimitTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Missing_or_wrong_token_is_401(string? token)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, token);

        var (response, _, json) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", json.GetProperty("code").GetString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("Authorization", "Bearer evotor-demo-token")]
    [InlineData("Authorization", "bearer evotor-demo-token-2")]
    [InlineData("X-Authorization", "evotor-demo-token")]
    public async Task Both_auth_headers_are_accepted(string header, string value)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server, bearer: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "evotor/stores");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Any_accept_header_is_served_as_json()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        using var request = new HttpRequestMessage(HttpMethod.Get, "evotor/stores");
        request.Headers.Accept.ParseAdd("text/plain");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rate_limit_counts_per_token_with_headers_and_answers_429()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorRateLimit = 3,
            EvotorRateWindow = TimeSpan.FromMinutes(1), // long enough that the window cannot roll mid-test
        });
        using var client = Client(server);
        using var anonymous = Client(server, bearer: null);
        using var other = Client(server, "evotor-demo-token-2");

        var (unauthorized, _, _) = await GetJsonAsync(anonymous, "evotor/stores"); // 401s are not counted
        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (ok, _, _) = await GetJsonAsync(client, "evotor/stores");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", Header(ok, "X-RateLimit-Limit"));
            var reset = int.Parse(Header(ok, "X-RateLimit-Reset"));
            Assert.InRange(reset, 1, 60);
            remaining.Add(Header(ok, "X-RateLimit-Remaining"));
        }
        var (limited, _, error) = await GetJsonAsync(client, "evotor/stores");
        var (otherToken, _, _) = await GetJsonAsync(other, "evotor/stores");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Equal("0", Header(limited, "X-RateLimit-Remaining"));
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Equal(Header(limited, "X-RateLimit-Reset"), ((int)limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds).ToString());
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
        Assert.Equal("2", Header(otherToken, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Rate_window_reopens_after_it_ends()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorRateLimit = 1,
            EvotorRateWindow = TimeSpan.FromMilliseconds(200),
        });
        using var client = Client(server);

        var (first, _, _) = await GetJsonAsync(client, "evotor/stores");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("1", Header(first, "X-RateLimit-Reset")); // 200 ms rounds up to one whole second

        // Poll (bounded) until the window has passed; each 429 proves the limit held meanwhile.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        do
        {
            var (response, _, _) = await GetJsonAsync(client, "evotor/stores");
            status = response.StatusCode;
            if (status == HttpStatusCode.OK) break;
            Assert.Equal(HttpStatusCode.TooManyRequests, status);
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task No_rate_headers_when_limiting_is_off()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, _, _) = await GetJsonAsync(client, "evotor/stores");

        Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
    }
}
