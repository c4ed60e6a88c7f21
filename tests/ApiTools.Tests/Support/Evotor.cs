using ApiTools.Emulator;
using ApiTools.Evotor;
using ApiTools.Http;

namespace ApiTools.Tests.Support;

/// <summary>Starts an emulator per test (its own port, so its own shared limiter) and makes clients for it.</summary>
public static class Evotor
{
    public const string Token = "evotor-demo-token";
    public const string RouteStores = "GET /evotor/stores";
    public const string RouteStore = "GET /evotor/stores/{id}";

    /// <summary>Fast retries for tests: the behaviour is the same, the waits are milliseconds.</summary>
    public static readonly RetryOptions FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    public static EvotorClient Client(EmulatorServer server, IApiObserver? observer = null, RetryOptions? retry = null, string token = Token) =>
        new(EvotorConnection.Create(Secret.FromString(token), server.EvotorBaseUri, "test", retry ?? FastRetry), observer);

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
