using System.Text;
using ApiTools.EnDocs;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>Answers larger than the API could need are refused before they are held in memory, and not asked for again.</summary>
public sealed class ResponseLimitsTests
{
    private static readonly RetryOptions Retry = FaultMatrix.PatientRetry;

    [Fact]
    public async Task An_Evotor_answer_announced_over_the_cap_is_refused_unread()
    {
        await using var server = new OversizedAnswerServer("application/json", 40L * 1024 * 1024, (_, _) => Task.CompletedTask);
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString("t"), server.BaseUri("evotor"), "test", Retry));

        var error = await Assert.ThrowsAsync<ApiException>(async () => { await foreach (var _ in client.GetStoresAsync()) { } });

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("40 MB", error.Message);
        Assert.Contains("32 MB", error.Message);
        Assert.Equal(1, server.Requests); // a repeat would be as large
    }

    [Fact]
    public async Task An_Evotor_answer_without_a_length_is_cut_off_at_the_cap()
    {
        await using var server = new OversizedAnswerServer("application/json", null,
            (s, ct) => OversizedAnswerServer.FillAsync(s, 200L * 1024 * 1024, (byte)' ', ct));
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString("t"), server.BaseUri("evotor"), "test", Retry));

        var error = await Assert.ThrowsAsync<ApiException>(async () => { await foreach (var _ in client.GetStoresAsync()) { } });

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("more than 32 MB", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_PlanFix_answer_over_the_cap_is_refused()
    {
        await using var server = new OversizedAnswerServer("application/xml", null,
            (s, ct) => OversizedAnswerServer.FillAsync(s, 100L * 1024 * 1024, (byte)' ', ct));
        var client = new PlanFixClient(PlanFixConnection.WithToken("demo", Secret.FromString("k"), Secret.FromString("t"), server.BaseUri("planfix/xml/"), "test",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Retry }));

        var error = await Assert.ThrowsAsync<ApiException>(async () => { await foreach (var _ in client.GetTasksAsync()) { } });

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("16 MB", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task One_EnDocs_list_element_over_the_cap_ends_the_list_after_the_elements_before_it()
    {
        await using var server = new OversizedAnswerServer("application/json", null, async (s, ct) =>
        {
            await s.WriteAsync(Encoding.UTF8.GetBytes("""{"key":2,"value":[{"id":1,"docNumber":"ok"},{"id":2,"comment":" """), ct);
            await OversizedAnswerServer.FillAsync(s, 100L * 1024 * 1024, (byte)'a', ct);
        });
        var client = new EnDocsClient(EnDocsConnection.Create(Secret.FromString("t"), server.BaseUri("endocs"), "test", Retry));

        var ids = new List<long>();
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var d in client.GetDocumentsAsync(EnDocsDocumentType.Invoice)) ids.Add(d.Id);
        });

        Assert.Equal([1L], ids);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("16 MB", error.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_Evotor_image_over_the_contract_limit_is_refused()
    {
        await using var server = new OversizedAnswerServer("image/png", null,
            (s, ct) => OversizedAnswerServer.FillAsync(s, 6L * 1024 * 1024, 0, ct));
        var client = new EvotorClient(EvotorConnection.Create(Secret.FromString("t"), server.BaseUri("evotor"), "test", Retry));
        using var file = new MemoryStream();

        var error = await Assert.ThrowsAsync<ApiException>(() => client.DownloadProductImageAsync("s", "p", "i", file));

        Assert.Contains("5 MB", error.Message);
        Assert.True(file.Length <= ApiTools.Input.PngCheck.MaxBytes);
    }
}
