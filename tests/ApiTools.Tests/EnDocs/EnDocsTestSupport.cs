using System.Net;
using System.Net.Sockets;
using ApiTools.EnDocs;
using ApiTools.Emulator;
using ApiTools.Http;

namespace ApiTools.Tests.EnDocs;

/// <summary>An emulator per test (its own port, so its own shared limiter) and EnDocs clients for it.</summary>
internal static class EnDocsTest
{
    public const string Token = "endocs-demo-token";
    public const string InvoicesRoute = "GET /endocs/Output/GetNewInvoices/{docId}/{requestId}";
    public const string ContractorRoute = "POST /endocs/Dictionaries/AddOrUpdateContractor";

    public static readonly RetryOptions FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    public static EnDocsClient Client(EmulatorServer server, IApiObserver? observer = null, string token = Token, Uri? baseUri = null) =>
        new(EnDocsConnection.Create(Secret.FromString(token), baseUri ?? server.EnDocsBaseUri, "test", FastRetry), observer);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}

/// <summary>
/// A TCP relay in front of the emulator that lets the first <c>drops</c> requests reach the server, waits for
/// the server's answer, and then closes the client's connection without passing the answer on: the server
/// acted, the client saw a broken connection. What a retried write must survive without acting twice.
/// </summary>
internal sealed class AnswerDroppingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private int _dropsLeft;

    public AnswerDroppingRelay(Uri target, int drops)
    {
        _target = target;
        _dropsLeft = drops;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The same path as <c>target</c>, through the relay.</summary>
    public Uri Uri => new UriBuilder(_target) { Port = ((IPEndPoint)_listener.LocalEndpoint).Port }.Uri;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = RelayAsync(client, Interlocked.Decrement(ref _dropsLeft) >= 0);
        }
    }

    private async Task RelayAsync(TcpClient client, bool drop)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
                if (drop)
                {
                    // Wait for the first bytes of the answer, then hang up on the client without them.
                    var buffer = new byte[1];
                    await server.GetStream().ReadAsync(buffer, _stop.Token);
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }
                var down = server.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception)
            {
                // a relay that breaks just closes both ends
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
