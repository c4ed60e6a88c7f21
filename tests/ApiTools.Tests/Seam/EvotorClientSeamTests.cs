using System.Net;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.Seam;

/// <summary>The Evotor client through its transport seam, against canned answers: no emulator, no socket.</summary>
public class EvotorClientSeamTests
{
    private static readonly Uri Root = new("https://api.evotor.test");

    private static EvotorClient Client(CannedAnswers canned, string token) =>
        new(EvotorConnection.Create(Secret.FromString(token), Root, "test", Support.Evotor.FastRetry), handler: canned);

    [Fact]
    public async Task A_listing_follows_the_cursor_and_every_page_carries_the_token_media_type_and_user_agent()
    {
        var canned = new CannedAnswers()
            .When(s => s.Path == "/stores" && s.Query == "", _ => Answer("""{"items":[{"id":"A","name":"One"},{"id":"B","name":"Two"}],"paging":{"next_cursor":"c1"}}"""))
            .When(s => s.Path == "/stores" && s.Query == "?cursor=c1", _ => Answer("""{"items":[{"id":"C","name":"Three"}],"paging":{}}"""));

        var stores = await Client(canned, "seam-token-list").GetStoresAsync().ToListAsync();

        Assert.Equal(new[] { "A", "B", "C" }, stores.Select(s => s.Id));
        Assert.Equal(new[] { "One", "Two", "Three" }, stores.Select(s => s.Name));
        Assert.Equal(2, canned.Requests.Count);
        Assert.All(canned.Requests, r =>
        {
            Assert.Equal("Bearer seam-token-list", r.Header("Authorization"));
            Assert.Contains("application/vnd.evotor.v2+json", r.Header("Accept"));
            Assert.StartsWith("ApiTools/", r.Header("User-Agent"));
        });
    }

    [Fact]
    public async Task A_404_is_NotFound_naming_the_path_and_is_asked_once()
    {
        const string id = "20170228-F4F1-401B-80FA-9ECCA8451FFB";
        var canned = new CannedAnswers().OnPath("/stores/" + id, """{"code":"not_found","message":"store not found"}""", status: HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => Client(canned, "seam-token-404").GetStoreAsync(id));

        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.Equal("stores/" + id, error.Path?.TrimStart('/'));
        Assert.Single(canned.Requests);
    }

    [Fact]
    public async Task A_server_error_is_retried_within_the_attempts_and_the_second_answer_counts()
    {
        var first = true;
        var canned = new CannedAnswers().When(s => s.Path == "/stores", _ =>
        {
            if (!first) return Answer("""{"items":[{"id":"A"}],"paging":{}}""");
            first = false;
            return Answer("""{"code":"internal"}""", status: HttpStatusCode.BadGateway);
        });

        var stores = await Client(canned, "seam-token-retry").GetStoresAsync().ToListAsync();

        Assert.Equal("A", Assert.Single(stores).Id);
        Assert.Equal(2, canned.Requests.Count);
    }

    [Fact]
    public async Task A_caller_may_bring_a_transport_of_its_own()
    {
        var connection = EvotorConnection.Create(Secret.FromString("seam-token-own"), Root, "test");
        var transport = new CountingTransport(new ApiTransport(new TransportOptions(connection, new SilentErrors(),
            () => new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "own"), "application/json")
        { Handler = new CannedAnswers().OnPath("/stores", """{"items":[{"id":"A"}],"paging":{}}""") }));

        var stores = await new EvotorClient(connection, transport).GetStoresAsync().ToListAsync();

        Assert.Single(stores);
        Assert.Equal(1, transport.Sent);
    }

    private sealed class CountingTransport(IApiTransport inner) : IApiTransport
    {
        public int Sent;
        public string Service => inner.Service;
        public IApiObserver Observer => inner.Observer;

        public Task<T> SendAsync<T>(ApiRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Sent);
            return inner.SendAsync(request, read, cancellationToken);
        }
    }

    private sealed class SilentErrors : IErrorMapper
    {
        public ApiException Map(ApiRequest request, HttpResponseMessage response, string body) => new("Evotor", ApiErrorKind.ServerError, "failed");
    }
}
