using System.Net;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.Tests.Input;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.Seam;

/// <summary>An image answered as metadata is downloaded from its URL: with the token only under the API's own base URI,
/// never on another host, redirects included; bytes that are not a PNG are refused and nothing is written.</summary>
public class EvotorImageSeamTests
{
    private const string Token = "image-seam-token";
    private const string ImagePath = "/v2/stores/s1/products/p1/images/i1";

    private static EvotorClient Client(CannedAnswers canned) =>
        new(EvotorConnection.Create(Secret.FromString(Token + Guid.NewGuid()), new Uri("https://api.evotor.test/v2"), "test", Support.Evotor.FastRetry), handler: canned);

    private static HttpResponseMessage Metadata(string url) =>
        Answer($$$"""{"id":"i1","product_id":"p1","url":"{{{url}}}","meta":{"extension":"png","file_size":429,"width":3,"height":3}}""");

    private static HttpResponseMessage Png(byte[] png) => new(HttpStatusCode.OK) { Content = new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } } };

    private static HttpResponseMessage Redirect(string to) => new(HttpStatusCode.Found) { Headers = { Location = new Uri(to) }, Content = new ByteArrayContent([]) };

    [Fact]
    public async Task Another_host_is_asked_without_the_token_and_a_redirect_back_to_the_API_carries_it_again()
    {
        var png = TestPng.Make(3, 3);
        var canned = new CannedAnswers()
            .When(s => s.Path == ImagePath, _ => Metadata("https://cdn.example.com/images/i1?signature=abc"))
            .When(s => s.Path == "/images/i1", _ => Redirect("https://cdn2.example.com/i1.png"))
            .When(s => s.Path == "/i1.png", _ => Redirect("https://api.evotor.test/v2/files/i1.png"))
            .When(s => s.Path == "/v2/files/i1.png", _ => Png(png));
        using var copy = new MemoryStream();

        await Client(canned).DownloadProductImageAsync("s1", "p1", "i1", copy);

        Assert.Equal(png, copy.ToArray());
        var sent = canned.Requests.ToList();
        Assert.Equal(["/v2/stores/s1/products/p1/images/i1", "/images/i1", "/i1.png", "/v2/files/i1.png"], sent.Select(r => r.Path));
        Assert.StartsWith("Bearer ", sent[0].Header("Authorization"));
        Assert.Null(sent[1].Header("Authorization"));
        Assert.Null(sent[2].Header("Authorization"));
        Assert.StartsWith("Bearer ", sent[3].Header("Authorization"));
        Assert.Equal("?signature=abc", sent[1].Query); // a signed link keeps its query
    }

    [Fact]
    public async Task A_url_on_the_API_host_but_outside_its_base_path_is_another_place_and_gets_no_token()
    {
        var canned = new CannedAnswers()
            .When(s => s.Path == ImagePath, _ => Metadata("https://api.evotor.test/elsewhere/i1.png"))
            .When(s => s.Path == "/elsewhere/i1.png", _ => Png(TestPng.Make(2, 2)));

        await Client(canned).DownloadProductImageAsync("s1", "p1", "i1", new MemoryStream());

        Assert.Null(canned.Requests.Last().Header("Authorization"));
    }

    [Theory]
    [InlineData("image/png", "<html>not found</html>")]
    [InlineData("application/octet-stream", "GIF89a...")]
    public async Task Bytes_that_are_not_a_PNG_are_refused_and_nothing_is_written(string mediaType, string body)
    {
        var canned = new CannedAnswers()
            .When(s => s.Path == ImagePath, _ => Metadata("https://cdn.example.com/i1"))
            .When(_ => true, _ => Answer(body, mediaType));
        using var copy = new MemoryStream();

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(canned).DownloadProductImageAsync("s1", "p1", "i1", copy));

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("not a PNG", error.Message);
        Assert.Equal(0, copy.Length);
    }

    [Fact]
    public async Task Redirects_that_never_end_stop_with_an_error()
    {
        var hops = 0;
        var canned = new CannedAnswers()
            .When(s => s.Path == ImagePath, _ => Metadata("https://cdn.example.com/0"))
            .When(_ => true, _ => Redirect($"https://cdn.example.com/{++hops}"));

        var error = await Assert.ThrowsAsync<ApiException>(() => Client(canned).DownloadProductImageAsync("s1", "p1", "i1", new MemoryStream()));

        Assert.Contains("redirects", error.Message);
        Assert.InRange(canned.Requests.Count, 2, EvotorClient.MaxImageRedirects + 3);
    }
}
