using ApiTools.Emulator;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>100k Evotor products (100 pages of 1000) read through the client library under each fault kind.</summary>
public sealed class EvotorPagingUnderFaultsTests
{
    /// <summary>Page requests a fault-free listing of the same products takes (measured once).</summary>
    private static readonly Lazy<Task<int>> CleanRequests = new(async () =>
    {
        await using var server = await StartAsync();
        var (client, _, store, _) = Arrange(server, "none");
        await foreach (var _ in Ids(client, store)) { }
        return server.Requests.Count(Route);
    });

    private const int Products = 100_000;
    private const string Route = EvotorRouteKeys.Products;

    public static TheoryData<string> Kinds => new()
    {
        "429 burst, Retry-After 1 s", "429 burst, no Retry-After", "500", "502", "503", "504", "reset before the answer",
        "reset mid-body", "truncated body", "answer slower than the timeout", "repeated cursor", "mixed",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_product_arrives_exactly_once(string kind)
    {
        var clean = await CleanRequests.Value;
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, FaultMatrix.Intermittent(kind, Route));
        var (client, observer, store, expected) = Arrange(server, kind);

        await FaultMatrix.ReadAsync("Evotor", kind, "100k products", expected, Ids(client, store), observer, mustComplete: true,
            injected, () => server.Requests.Count(Route), clean);
    }

    [Fact]
    public async Task A_page_that_keeps_failing_ends_with_an_error_after_the_attempt_limit_and_nothing_repeated()
    {
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, [new FaultRule { Route = Route, Status = 503, Skip = 10, Times = 1_000_000 }]);
        var (client, observer, store, expected) = Arrange(server, "503");

        var (received, error) = await FaultMatrix.ReadAsync("Evotor", "503 on every try", "100k products", expected, Ids(client, store), observer,
            mustComplete: false, injected, () => server.Requests.Count(Route), 0);

        Assert.Equal(10_000, received.Count); // the first ten pages, once each
        var exhausted = Assert.IsType<ApiRetriesExhaustedException>(error);
        Assert.Equal(FaultMatrix.Retry.MaxAttempts, exhausted.Attempts.Count);
        Assert.Contains("503", exhausted.Message);
    }

    private static Task<EmulatorServer> StartAsync() =>
        EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorProductsPerStore = Products, FaultSeed = FaultMatrix.Seed });

    private static (EvotorClient Client, RecordingObserver Observer, string Store, List<string> Expected) Arrange(EmulatorServer server, string kind)
    {
        var observer = new RecordingObserver();
        var client = Support.Evotor.Client(server, observer, FaultMatrix.RetryFor(kind));
        var store = server.Evotor.Stores[0].Id;
        return (client, observer, store, server.Evotor.ProductsOf(store).Select(p => p.Id).ToList());
    }

    private static async IAsyncEnumerable<string> Ids(EvotorClient client, string store)
    {
        await foreach (var product in client.GetProductsAsync(store)) yield return product.Id;
    }
}
