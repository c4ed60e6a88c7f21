using System.Net;
using System.Text.Json;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.Errors;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// Every file of tests/contract/endocs replayed through the client. Answers: every published item comes out, every leaf
/// lands in a typed property or in Extra, with no warning (the published shapes read without tolerance). The pages cut
/// off in publication are replayed up to their last complete value (<see cref="Jsonish"/>). Published error lines are
/// served with their status and read as the errors they are. Request pages are in <see cref="EnDocsRequestReplayTests"/>.
/// </summary>
public class EnDocsReplayTests
{
    public static TheoryData<string> Answers() => Of(f => f.Contains(".response.", StringComparison.Ordinal) && Jsonish.LooksLikeJson(Corpus.Read(f)));

    public static TheoryData<string> ErrorLines() => Of(f => f.Contains(".response.", StringComparison.Ordinal) && !Jsonish.LooksLikeJson(Corpus.Read(f)));

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Published_answers_come_out_whole(string file)
    {
        var payload = Jsonish.Close(Corpus.Read(file));
        var observer = new RecordingObserver();
        var client = Replay.EnDocs(payload, observer);
        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var items = (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("value")).EnumerateArray().ToList();

        IReadOnlyList<object> models = Endpoint(file) switch
        {
            "GetClientUsers" => await client.GetUsersAsync().ToListAsync(),
            "GetNewContracts" => await client.GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync(),
            "GetNewInvoices" => await client.GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync(),
            "GetNewInputs" => await client.GetDocumentsAsync(EnDocsDocumentType.Input).ToListAsync(),
            "GetNonFormDoc" => await client.GetDocumentsAsync(EnDocsDocumentType.NonForm).ToListAsync(),
            var other => throw new InvalidOperationException($"No replay for {other}: add one."),
        };

        Assert.Equal(items.Count, models.Count);
        for (var i = 0; i < items.Count; i++) Leaves.AssertAllLand(Leaves.Of(items[i]), models[i], $"{file} item {i}");
        Assert.Empty(observer.Warnings);
    }

    [Theory]
    [MemberData(nameof(ErrorLines))]
    public async Task Published_error_lines_are_the_errors_they_name(string file)
    {
        var line = Corpus.Read(file);
        // PROVENANCE: #err-30 is published under "Response 400", #err-40 under "Response 401".
        var status = line.Contains("#err-40", StringComparison.Ordinal) ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        var client = new EnDocsClient(EnDocsConnection.Create(ApiTools.Http.Secret.FromString("replay-error-" + Guid.NewGuid()), new Uri("https://api.endocs.test"), "replay", Support.Evotor.FastRetry),
            handler: new CannedAnswers().When(_ => true, _ => CannedAnswers.Answer(line, "text/plain", status)));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetUsersAsync().ToListAsync());

        Assert.Equal(ApiErrorKind.Unauthorized, error.Kind);
        Assert.Contains(line.Trim(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_users_read_with_text_ids_display_names_and_their_state()
    {
        var users = await Replay.EnDocs(Corpus.Read("endocs/GetClientUsers/help-endocs.response.json")).GetUsersAsync().ToListAsync();

        // Not valid GUIDs (an 11-digit last group): kept as the text they are.
        Assert.Equal(new[] { "023060ec-f937-454a-84ca-49434f71081", "0a9d1385-c8c7-4cba-a967-468a938e4fe" }, users.Select(u => u.Id));
        Assert.Equal(new[] { "Иванов Иван Иванович", "Петр Петров" }, users.Select(u => u.Name));
        Assert.Equal("ivanov@domain.ru", users[0].Email);
        Assert.Equal(new bool?[] { false, false }, users.Select(u => u.Blocked));
        Assert.Equal(new bool?[] { false, true }, users.Select(u => u.ClientAdmin));
        Assert.Equal("Бухгалтер", users[1].Position);
    }

    [Fact]
    public async Task A_published_invoice_keeps_its_parties_whole_and_flat()
    {
        var payload = Jsonish.Close(Corpus.Read("endocs/GetNewInvoices/help-endocs.response.jsonish"));

        var invoice = Assert.Single(await Replay.EnDocs(payload).GetDocumentsAsync(EnDocsDocumentType.Invoice).ToListAsync());

        Assert.Equal(347, invoice.Id);
        Assert.Equal(new DateTimeOffset(2023, 9, 3, 12, 0, 0, TimeSpan.Zero), invoice.DocDate);
        Assert.Equal(90000m, invoice.AmountToPay);
        var contractor = Assert.IsType<EnDocsParty>(invoice.Contractor);
        Assert.Equal(("BestBank", "123432432", "345646546", "14523698", "Павел"), (contractor.Bank, contractor.Bik, contractor.Bill, contractor.Ogrn, contractor.Director));
        Assert.Equal(("ЮрЛицо", "Москва", "+7(234)354-64-56", "ivanov@domain.ru"), (contractor.Type, contractor.LawAddress, contractor.Phone, contractor.Manager));
        Assert.Null(contractor.ExtId); // made in EnDocs, not in 1C
        Assert.Equal("ООО Василек", invoice.ContractorName);
        Assert.Equal(6, invoice.Organization?.Id);
    }

    [Fact]
    public async Task A_published_contract_reads_a_numeric_ext_ID_as_text()
    {
        var payload = Jsonish.Close(Corpus.Read("endocs/GetNewContracts/help-endocs.response.jsonish"));

        var contract = Assert.IsType<EnDocsContract>(Assert.Single(await Replay.EnDocs(payload).GetDocumentsAsync(EnDocsDocumentType.Contract).ToListAsync()));

        Assert.Equal("6273", contract.Contractor?.ExtId);
        Assert.Equal("6273", contract.ContractorExtId);
        Assert.Equal("44046B99-AC13-42D2-904D-5AE103AD5A5G", contract.OrganizationExtId);
        Assert.Equal(5, contract.Contractor?.OrganizationId);
    }

    [Fact]
    public void Every_file_of_the_corpus_is_replayed()
    {
        var replayed = new HashSet<string>(new[] { Answers(), ErrorLines(), EnDocsRequestReplayTests.Requests() }
            .SelectMany(data => ((IEnumerable<object[]>)data).Select(row => (string)row[0])));

        Assert.All(Corpus.AllFiles("endocs"), file => Assert.Contains(file, replayed));
    }

    internal static string Endpoint(string file) => file.Split('/')[1];

    internal static TheoryData<string> Of(Func<string, bool> which)
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.AllFiles("endocs").Where(which)) data.Add(file);
        return data;
    }
}
