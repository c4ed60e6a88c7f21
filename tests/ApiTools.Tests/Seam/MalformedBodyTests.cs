using System.Net;
using ApiTools.EnDocs;
using ApiTools.Errors;
using ApiTools.Evotor;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.Seam;

/// <summary>
/// A body that can never be read is refused at once as a ProtocolError that says what and where, and is not asked for
/// again (the same bytes would come); a body cut off on its way is retried as before. For all three services.
/// </summary>
public class MalformedBodyTests
{
    private static EvotorClient Evotor(CannedAnswers canned, RecordingObserver? observer = null) =>
        new(EvotorConnection.Create(Secret.FromString("malformed-" + Guid.NewGuid()), new Uri("https://api.evotor.test"), "test", Support.Evotor.FastRetry), observer, canned);

    private static PlanFixClient PlanFix(CannedAnswers canned) =>
        new(PlanFixConnection.WithToken("acme", Secret.FromString("key"), Secret.FromString("malformed-" + Guid.NewGuid()), new Uri("https://api.planfix.test/xml/"), "test",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry }), handler: canned);

    private static EnDocsClient EnDocs(CannedAnswers canned) =>
        new(EnDocsConnection.Create(Secret.FromString("malformed-" + Guid.NewGuid()), new Uri("https://api.endocs.test"), "test", Support.Evotor.FastRetry), handler: canned);

    [Theory]
    [InlineData("""<html><body>Bad gateway</body></html>""", null)]                    // not JSON at all
    [InlineData("""{"id":"s1","name":"A" "address":"x"}""", "line 1")]                 // broken before its end
    [InlineData("""["s1"]""", null)]                                                   // whole JSON, not an object
    public async Task Evotor_an_answer_that_cannot_be_read_is_refused_once_as_a_ProtocolError(string body, string? where)
    {
        var canned = new CannedAnswers().OnPath("/stores/s1", body);
        var observer = new RecordingObserver();

        var error = await Assert.ThrowsAsync<ApiException>(() => Evotor(canned, observer).GetStoreAsync("s1"));

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Single(canned.Requests);
        Assert.Contains("GET /stores/s1", error.Message);
        Assert.Contains("Not retried", error.Message);
        if (where is not null) Assert.Contains(where, error.Message);
        Assert.Contains(observer.Calls, c => c.Path == "stores/s1" && c.Status == 200); // the call still has its verbose line
    }

    [Fact]
    public async Task Evotor_an_answer_cut_off_is_asked_for_again_and_then_read()
    {
        var answers = 0;
        var canned = new CannedAnswers().When(s => s.Path == "/stores/s1",
            _ => Answer(++answers == 1 ? """{"id":"s1","name":"Маг""" : """{"id":"s1","name":"Магазин"}"""));

        var store = await Evotor(canned).GetStoreAsync("s1");

        Assert.Equal("Магазин", store.Name);
        Assert.Equal(2, canned.Requests.Count);
    }

    [Fact]
    public async Task Evotor_a_list_page_that_is_no_page_is_refused_and_one_cut_off_is_retried()
    {
        var refused = new CannedAnswers().OnPath("/stores", """{"items":{"id":"s1"},"paging":{}}""");
        var error = await Assert.ThrowsAsync<ApiException>(async () => await Evotor(refused).GetStoresAsync().ToListAsync());
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("a list page", error.Message);
        Assert.Single(refused.Requests);

        var answers = 0;
        var cut = new CannedAnswers().When(s => s.Path == "/stores",
            _ => Answer(++answers == 1 ? """{"items":[{"id":"s1"},{"id":""" : """{"items":[{"id":"s1"},{"id":"s2"}],"paging":{}}"""));
        Assert.Equal(["s1", "s2"], (await Evotor(cut).GetStoresAsync().ToListAsync()).Select(s => s.Id));
        Assert.Equal(2, cut.Requests.Count);
    }

    [Fact]
    public async Task Evotor_an_item_that_is_no_object_names_the_item_after_the_earlier_ones_came_out()
    {
        var canned = new CannedAnswers().OnPath("/employees", """{"items":[{"id":"e1"},"e2",{"id":"e3"}],"paging":{}}""");
        var got = new List<string>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var employee in Evotor(canned).GetEmployeesAsync()) got.Add(employee.Id);
        });

        Assert.Equal(["e1"], got);
        Assert.Contains("item 2 of 3", error.Message);
        Assert.Single(canned.Requests);
    }

    [Theory]
    [InlineData("""<response status="ok"><task><id>1</id></task><task>""", false)] // cut off: asked again
    [InlineData("""<response status="ok"><task><id>1</id><title>Полное &am""", false)] // cut inside an entity
    [InlineData("""<response status="ok"><task><id>1</id><ti""", false)] // cut inside a tag
    [InlineData("""<response status="ok"><task><id>1</id></tsak></response>""", true)] // broken before its end
    [InlineData("""{"status":"ok"}""", true)]
    public async Task PlanFix_XML_broken_before_its_end_is_refused_and_cut_off_XML_is_retried(string body, bool refused)
    {
        var answers = 0;
        var canned = new CannedAnswers().When(_ => true, _ => Answer(++answers == 1 ? body
            : """<response status="ok"><task><id>1</id><title>T</title></task></response>""", "application/xml"));

        if (refused)
        {
            var error = await Assert.ThrowsAsync<ApiException>(() => PlanFix(canned).GetTaskAsync(1));
            Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
            Assert.Contains("task.get", error.Message);
            Assert.Contains("line 1", error.Message);
            Assert.Single(canned.Requests);
        }
        else
        {
            Assert.Equal("T", (await PlanFix(canned).GetTaskAsync(1)).Title);
            Assert.Equal(2, canned.Requests.Count);
        }
    }

    [Fact]
    public async Task EnDocs_a_list_broken_in_the_middle_is_refused_after_the_whole_items_before_it()
    {
        var canned = new CannedAnswers().When(s => s.Path.StartsWith("/Output/GetNewInvoices/", StringComparison.Ordinal),
            _ => Answer("""{"key":3,"value":[{"id":5},{"id":6},{"id":7 "x"},{"id":8}]}"""));
        var got = new List<long>();

        var error = await Assert.ThrowsAnyAsync<ApiException>(async () =>
        {
            await foreach (var d in EnDocs(canned).GetDocumentsAsync(EnDocsDocumentType.Invoice)) got.Add(d.Id);
        });

        Assert.Equal([5L, 6L], got);
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Single(canned.Requests);
    }
}
