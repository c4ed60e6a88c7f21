using ApiTools.Emulator;
using ApiTools.EnDocs;
using ApiTools.Http;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>50k seeded EnDocs invoices, listed in one streamed answer, read through the client library under each fault kind.</summary>
public sealed class EnDocsListingUnderFaultsTests
{
    private const int Invoices = 50_000;
    private const string Route = EnDocsRouteKeys.NewInvoices;

    public static TheoryData<string> Kinds => new()
    {
        "429 burst, Retry-After 1 s", "429 burst, no Retry-After", "500", "502", "503", "504", "reset before the answer",
        "reset mid-body", "truncated body", "answer slower than the timeout", "mixed",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_document_arrives_exactly_once(string kind)
    {
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, FaultMatrix.Sequential(kind, Route));
        var (client, observer, expected) = Arrange(server, kind);

        // A fault-free listing is one request.
        await FaultMatrix.ReadAsync("EnDocs", kind, "50k invoices", expected, Ids(client), observer, mustComplete: true,
            injected, () => server.Requests.Count(Route), cleanRequests: 1);
    }

    [Fact]
    public async Task An_answer_that_always_breaks_off_ends_with_an_error_and_what_came_before_came_once()
    {
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, [new FaultRule { Route = Route, TruncateBody = true, Times = 1_000_000 }]);
        var (client, observer, expected) = Arrange(server, "persistent");

        var (received, error) = await FaultMatrix.ReadAsync("EnDocs", "reset mid-body on every answer", "50k invoices", expected, Ids(client), observer,
            mustComplete: false, injected, () => server.Requests.Count(Route), 0);

        // Each answer gave half of what was left; once half an answer holds no whole document, the retries run out.
        Assert.True(received.Count > expected.Count / 2, $"only {received.Count} of {expected.Count} before the error");
        Assert.IsType<ApiRetriesExhaustedException>(error);
    }

    [Fact]
    public async Task A_list_refused_on_every_try_ends_with_an_error_before_any_document()
    {
        await using var server = await StartAsync();
        var injected = FaultMatrix.Inject(server, [new FaultRule { Route = Route, Status = 503, Times = 1_000_000 }]);
        var (client, observer, expected) = Arrange(server, "persistent");

        var (received, error) = await FaultMatrix.ReadAsync("EnDocs", "503 on every try", "50k invoices", expected, Ids(client), observer,
            mustComplete: false, injected, () => server.Requests.Count(Route), 0);

        Assert.Empty(received);
        Assert.Equal(FaultMatrix.Retry.MaxAttempts, server.Requests.Count(Route));
        Assert.Contains("503", error!.Message);
    }

    private static Task<EmulatorServer> StartAsync() =>
        EmulatorServer.StartAsync(new EmulatorOptions { EnDocsInvoices = Invoices, EnDocsRateLimit = 0, FaultSeed = FaultMatrix.Seed });

    private static (EnDocsClient Client, RecordingObserver Observer, List<long> Expected) Arrange(EmulatorServer server, string kind)
    {
        var observer = new RecordingObserver();
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-demo-token"), server.EnDocsBaseUri, "test", FaultMatrix.RetryFor(kind)), observer);
        return (client, observer, server.EnDocs.Listed(EnDocsDocumentKind.Invoice).Select(d => d.Id).ToList());
    }

    private static async IAsyncEnumerable<long> Ids(EnDocsClient client)
    {
        await foreach (var document in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) yield return document.Id;
    }
}
