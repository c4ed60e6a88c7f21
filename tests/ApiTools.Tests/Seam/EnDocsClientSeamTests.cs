using System.Net;
using ApiTools.EnDocs;
using ApiTools.Errors;
using ApiTools.Http;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.Seam;

/// <summary>The EnDocs client through its transport seam, against canned answers: no emulator, no socket.</summary>
public class EnDocsClientSeamTests
{
    private static readonly Uri Root = new("https://api.endocs.test");

    private static EnDocsClient Client(CannedAnswers canned, string token) =>
        new(EnDocsConnection.Create(Secret.FromString(token), Root, "test", Support.Evotor.FastRetry), handler: canned);

    [Fact]
    public async Task Documents_after_an_id_stream_from_one_answer_with_the_Bearer_token()
    {
        var canned = new CannedAnswers().When(s => s.Path.StartsWith("/Output/GetNewContracts/7/", StringComparison.Ordinal),
            _ => Answer("""{"key":2,"value":[{"id":8,"docNumber":"K-8","amount":100.5},{"id":9,"docNumber":"K-9"}]}"""));

        var documents = await Client(canned, "seam-token-list").GetDocumentsAsync(EnDocsDocumentType.Contract, 7).ToListAsync();

        Assert.Equal(new long[] { 8, 9 }, documents.Select(d => d.Id));
        Assert.Equal(100.5m, documents[0].Amount);
        var sent = Assert.Single(canned.Requests);
        Assert.Equal("Bearer seam-token-list", sent.Header("Authorization"));
    }

    [Fact]
    public async Task An_unknown_token_is_Unauthorized_and_stops_everything()
    {
        var canned = new CannedAnswers().OnPath("/Output/GetClientInfo", "Could not find any client for this token ( #err-40)", "text/plain", HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => Client(canned, "seam-token-401").GetClientInfoAsync());

        Assert.Equal(ApiErrorKind.Unauthorized, error.Kind);
        Assert.True(error.StopsEverything);
        Assert.DoesNotContain("seam-token-401", error.Message);
    }

    [Fact]
    public async Task A_write_carries_one_RequestID_and_reports_created()
    {
        var canned = new CannedAnswers().When(s => s.Path == "/Dictionaries/AddOrUpdateContractor",
            _ => Answer("""{"id":12}""", status: HttpStatusCode.Created));

        var result = await Client(canned, "seam-token-write").AddOrUpdateContractorAsync(new ApiTools.EnDocs.Requests.EnDocsContractor { ExtId = "C-1", Name = "Ромашка" });

        Assert.True(result.Created);
        Assert.Equal(12, result.Id);
        Assert.Contains($"\"RequestID\":\"{result.RequestId}\"", Assert.Single(canned.Requests).Body);
    }
}
