using System.Diagnostics;
using System.Text;
using ApiTools.EnDocs;
using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Evotor.Models;
using ApiTools.Http;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// Issue 19, case 1 and the second half of case 10: answers whose headers come and whose body then stalls, from the
/// emulator's StallBody fault or a server written byte by byte. Every call ends within the retry budget plus one attempt
/// timeout, or within a second of Ctrl+C; a download's whole body has a time of its own, apart from its first byte.
/// </summary>
public sealed class StalledBodyTests : IDisposable
{
    private const string Stores = "GET /evotor/stores";
    private readonly string _folder = Directory.CreateTempSubdirectory("hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task An_error_whose_body_stalls_is_retried_and_the_call_ends_within_the_budget(int status)
    {
        await using var server = await Support.Evotor.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Stores, StallBody = true, Status = status, Times = 1000 });
        var client = Support.Evotor.Client(server, retry: HostileCase.Retry);

        var (error, took) = await HostileCase.TimeAsync(async () => await client.GetStoresAsync().ToListAsync());

        HostileCase.Report("Evotor", $"{status} whose body stalls", "GET /stores, 3 attempts of 1 s", 0, 0, server.Requests.Count(Stores) - 1,
            HostileCase.Ended(took, error));
        var exhausted = Assert.IsType<ApiRetriesExhaustedException>(error);
        Assert.Equal(status, exhausted.StatusCode); // the status still speaks, though its body never came
        Assert.Equal(3, server.Requests.Count(Stores));
        Assert.True(took < HostileCase.Bound, $"took {took}, over the {HostileCase.Bound} promised");
    }

    [Fact]
    public async Task A_success_whose_body_stalls_is_an_attempt_timeout_retried_within_the_budget()
    {
        await using var server = await Support.Evotor.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Stores, StallBody = true, Times = 1000 });
        var client = Support.Evotor.Client(server, retry: HostileCase.Retry);

        var (error, took) = await HostileCase.TimeAsync(async () => await client.GetStoresAsync().ToListAsync());

        HostileCase.Report("Evotor", "200 whose body stalls", "GET /stores, 3 attempts of 1 s", 0, 0, server.Requests.Count(Stores) - 1,
            HostileCase.Ended(took, error));
        var exhausted = Assert.IsType<ApiRetriesExhaustedException>(error);
        Assert.Contains("no complete answer within 1 s", exhausted.Message);
        Assert.Equal(3, server.Requests.Count(Stores));
        Assert.True(took < HostileCase.Bound, $"took {took}, over the {HostileCase.Bound} promised");
    }

    [Fact]
    public async Task A_write_answered_with_a_stalled_502_is_not_sent_again_and_ends_after_one_attempt()
    {
        await using var server = await Support.Evotor.StartAsync();
        var store = server.Evotor.Stores[0].Id;
        server.Faults.Enqueue(new FaultRule { Route = "POST /evotor/stores/{storeId}/products", StallBody = true, Status = 502, Times = 1000 });
        var client = Support.Evotor.Client(server, retry: HostileCase.Retry);

        var (error, took) = await HostileCase.TimeAsync(() => client.CreateProductAsync(store, new Product { Name = "x", Price = 1, MeasureName = "шт", Tax = "NO_VAT", Type = "NORMAL", AllowToSell = true }));

        HostileCase.Report("Evotor", "502 whose body stalls", "POST a product (not safe to repeat)", 1, 0, 0, HostileCase.Ended(took, error));
        var refused = Assert.IsAssignableFrom<ApiException>(error);
        Assert.Equal(502, refused.StatusCode);
        Assert.Contains("Not retried", refused.Message);
        Assert.Equal(1, server.Requests.Count("POST /evotor/stores/{storeId}/products"));
        Assert.True(took < HostileCase.Bound, $"took {took}");
    }

    [Fact]
    public async Task Ctrl_C_ends_a_call_reading_a_stalled_error_body_within_a_second()
    {
        // The default 100 s attempt timeout: only the cancel can end this read.
        await using var server = await Support.Evotor.StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = Stores, StallBody = true, Status = 500, Times = 1000 });
        using var headers = new HeadersSeen();
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString(Support.Evotor.Token), server.EvotorBaseUri, "test"), handler: headers);
        using var cancel = new CancellationTokenSource();

        var call = client.GetStoresAsync(cancellationToken: cancel.Token).ToListAsync();
        await headers.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(20)); // the stall is now in the body, not before it
        var clock = Stopwatch.StartNew();
        cancel.Cancel();
        var error = await Record.ExceptionAsync(() => call);
        clock.Stop();

        HostileCase.Report("Evotor", "500 whose body stalls", "Ctrl+C while its body is read", 0, 0, 0, $"stopped {clock.Elapsed.TotalMilliseconds:0} ms after Ctrl+C");
        Assert.IsAssignableFrom<OperationCanceledException>(error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the call ended {clock.Elapsed.TotalMilliseconds:0} ms after Ctrl+C");
    }

    [Fact]
    public async Task An_EnDocs_list_that_trickles_bytes_without_ever_finishing_an_item_ends_within_the_budget()
    {
        // Never silent for a second, never an item: the time from one item to the next is what is bounded.
        await using var server = new HostileServer(async (_, stream, ct) =>
        {
            await HostileServer.HeadAsync(stream, 200, "application/json", null, ct);
            var body = HostileServer.Chunked(stream);
            await HostileServer.WriteAsync(body, "{\"key\":1,\"value\":[", ct);
            while (!ct.IsCancellationRequested)
            {
                await HostileServer.WriteAsync(body, " ", ct);
                await Task.Delay(200, ct); // the drip itself
            }
        });
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("endocs-token-123"), server.BaseUri("endocs"), "test", HostileCase.Retry));

        var (error, took) = await HostileCase.TimeAsync(async () => await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync());

        HostileCase.Report("EnDocs", "a body that trickles forever", "a space every 0.2 s, no document", 0, 0, server.Requests - 1, HostileCase.Ended(took, error));
        var exhausted = Assert.IsType<ApiRetriesExhaustedException>(error);
        Assert.Contains("no complete answer within 1 s", exhausted.Message);
        Assert.Equal(3, server.Requests);
        Assert.True(took < HostileCase.Bound, $"took {took}");
    }

    [Fact]
    public async Task A_download_that_takes_longer_than_the_attempt_timeout_completes_in_one_request()
    {
        // The body trickles in over about 3 s, never silent for 1 s: the attempt timeout bounds the first byte and
        // each silence, the download timeout the whole body.
        var content = Encoding.UTF8.GetBytes(new string('x', 3000));
        await using var server = new HostileServer((_, stream, ct) => TrickleFilesAsync(stream, "slow.txt", content, TimeSpan.FromMilliseconds(300), ct));

        var (error, took) = await HostileCase.TimeAsync(() => FilesClient(server).SaveFilesAsync(7, EnDocsFileKind.NonFormID, _folder, false));

        HostileCase.Report("EnDocs", "body slower than the attempt timeout", "a file trickling in for 3 s (attempt timeout 1 s)", 1,
            File.Exists(Path.Combine(_folder, "slow.txt")) ? 1 : 0, server.Requests - 1, HostileCase.Ended(took, error));
        Assert.Null(error);
        Assert.Equal(content, File.ReadAllBytes(Path.Combine(_folder, "slow.txt")));
        Assert.Equal(1, server.Requests);
        Assert.True(took > HostileCase.Retry.AttemptTimeout, "the body should have taken longer than one attempt timeout");
    }

    [Fact]
    public async Task A_download_past_its_own_timeout_ends_once_without_a_partial_file_and_is_not_started_again()
    {
        var content = Encoding.UTF8.GetBytes(new string('x', 6000));
        await using var server = new HostileServer((_, stream, ct) => TrickleFilesAsync(stream, "slow.txt", content, TimeSpan.FromMilliseconds(300), ct));

        var (error, took) = await HostileCase.TimeAsync(() =>
            FilesClient(server).SaveFilesAsync("7", EnDocsFileKind.NonFormID, _folder, false, TimeSpan.FromSeconds(1.5)));

        HostileCase.Report("EnDocs", "body slower than the download timeout", "-DownloadTimeout 1.5 s, the file trickles for 6 s", 1, 0, server.Requests - 1,
            HostileCase.Ended(took, error));
        var timedOut = Assert.IsAssignableFrom<ApiException>(error);
        Assert.Equal(ApiErrorKind.TimedOut, timedOut.Kind);
        Assert.False(timedOut.StopsEverything); // the next document may well fit
        Assert.Contains("download timeout", timedOut.Message);
        Assert.Equal(1, server.Requests);
        Assert.Empty(Directory.GetFiles(_folder)); // no partial file, no temporary one
    }

    private static EnDocsClient FilesClient(HostileServer server) =>
        new(EnDocsConnection.Create(Secret.FromString("endocs-token-123"), server.BaseUri("endocs"), "test", HostileCase.Retry));

    /// <summary>An EnDocs files answer whose one file's base64 arrives in 400-character pieces, one per <paramref name="pause"/>.</summary>
    internal static async Task TrickleFilesAsync(Stream stream, string name, byte[] content, TimeSpan pause, CancellationToken ct)
    {
        await HostileServer.HeadAsync(stream, 200, "application/json", null, ct);
        await using var body = HostileServer.Chunked(stream);
        await HostileServer.WriteAsync(body, $"{{\"binaries\":[{{\"fileName\":\"{name}\",\"fileBase64\":\"", ct);
        var base64 = Convert.ToBase64String(content);
        for (var i = 0; i < base64.Length; i += 400)
        {
            await HostileServer.WriteAsync(body, base64.Substring(i, Math.Min(400, base64.Length - i)), ct);
            await Task.Delay(pause, ct); // the trickle itself: what the server does, not the test waiting for it
        }
        await HostileServer.WriteAsync(body, "\"}]}", ct);
    }

    /// <summary>The pooled handler, saying when an answer's headers have come (its body not yet read).</summary>
    private sealed class HeadersSeen : DelegatingHandler
    {
        public HeadersSeen() : base(new HttpClientHandler()) { }

        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Arrived.TrySetResult();
            return response;
        }
    }
}
