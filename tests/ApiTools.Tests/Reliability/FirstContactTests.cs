using System.Net;
using System.Net.Sockets;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Http;

namespace ApiTools.Tests.Reliability;

/// <summary>A base URI where nothing listens is a mistake far more often than a passing fault: the first call of the
/// process fails after a short try, naming the base URI and where the connection came from, instead of spending the
/// whole retry budget.</summary>
public class FirstContactTests
{
    [Fact]
    public async Task A_base_URI_that_never_answered_fails_after_a_short_try_naming_it_and_the_connection_s_source()
    {
        var port = ClosedPort();
        var baseUri = new Uri($"http://127.0.0.1:{port}/evotor");
        var retry = RetryOptions.Default.With(maxAttempts: 10, budget: TimeSpan.FromMinutes(2));
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString("first-contact-token"), baseUri, "the test's own connection", retry));

        var error = await Assert.ThrowsAsync<ApiRetriesExhaustedException>(async () => { await foreach (var _ in client.GetStoresAsync()) { } });

        Assert.InRange(error.Attempts.Count, 1, 4); // not the 10 the connection allows
        Assert.Contains($"http://127.0.0.1:{port}/evotor", error.Message);
        Assert.Contains("the test's own connection", error.Message);
        Assert.Contains("check the base URI", error.Message);
        Assert.DoesNotContain("first-contact-token", error.Message);
    }

    /// <summary>A loopback port nothing listens on: bound, read and let go.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
