using System.Net;
using System.Text;
using ApiTools.Errors;
using ApiTools.Http;
using ApiTools.PlanFix;
using ApiTools.Tests.Support;
using static ApiTools.Tests.Support.CannedAnswers;

namespace ApiTools.Tests.Seam;

/// <summary>The PlanFix client through its transport seam, against canned XML: no emulator, no socket.</summary>
public class PlanFixClientSeamTests
{
    private static readonly Uri Endpoint = new("https://api.planfix.test/xml/");

    private static PlanFixClient Client(CannedAnswers canned, string token, int maxAttempts = 5) =>
        new(PlanFixConnection.WithToken("acme", Secret.FromString("seam-key"), Secret.FromString(token), Endpoint, "test",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry.With(maxAttempts) }), handler: canned);

    private static Func<CannedAnswers.Sent, bool> Method(string name) => s => s.Body is string body && body.Contains($"method=\"{name}\"");

    [Fact]
    public async Task Tasks_page_by_page_with_the_account_and_the_Basic_key_and_token()
    {
        var canned = new CannedAnswers().When(Method("task.getList"), s => Answer(s.Body!.Contains("<pageCurrent>1<")
            ? """<response status="ok"><tasks count="2" totalCount="3"><task><id>1</id><title>One</title></task><task><id>2</id><title>Two</title></task></tasks></response>"""
            : """<response status="ok"><tasks count="1" totalCount="3"><task><id>3</id><title>Three</title></task></tasks></response>""", "application/xml"));

        var tasks = await Client(canned, "seam-token-list").GetTasksAsync().ToListAsync();

        Assert.Equal(new long[] { 1, 2, 3 }, tasks.Select(t => t.Id));
        Assert.Equal("Three", tasks[2].Title);
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("seam-key:seam-token-list"));
        Assert.All(canned.Requests, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal(basic, r.Header("Authorization"));
            Assert.Contains("<account>acme</account>", r.Body);
        });
    }

    [Fact]
    public async Task An_API_error_names_the_XML_method_it_answered()
    {
        var canned = new CannedAnswers().When(Method("task.get"),
            _ => Answer("""<response status="error"><code>3001</code><message>no task</message></response>""", "application/xml"));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => Client(canned, "seam-token-3001").GetTaskAsync(42));

        Assert.Equal("3001", error.ErrorCode);
        Assert.Equal("task.get", error.Path);
        Assert.Contains("task.get", error.Message);
    }

    [Fact]
    public async Task An_HTTP_failure_names_the_XML_method_too_and_the_observer_line_shows_it()
    {
        var canned = new CannedAnswers().When(Method("task.get"), _ => Answer("busy", "text/plain", HttpStatusCode.BadGateway));
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("acme", Secret.FromString("seam-key"), Secret.FromString("seam-token-502"), Endpoint, "test",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry.With(1) }), observer, canned);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetTaskAsync(42));

        Assert.Equal("task.get", error.Path);
        Assert.Contains("task.get", error.Message);
        Assert.Contains(observer.Calls, c => c.Path == "task.get" && c.Status == 502);
    }

    [Fact]
    public async Task A_value_of_another_kind_never_fails_the_item_it_is_kept_in_Extra_with_one_warning_per_field()
    {
        // Three tasks whose status is a word and whose owner is text where an element was due; a date that is not one.
        var canned = new CannedAnswers().When(Method("task.getList"), _ => Answer("""
            <response status="ok"><tasks count="3" totalCount="3">
              <task><id>1</id><status>ACTIVE</status><owner>Иванов</owner><endTime>someday</endTime></task>
              <task><id>2</id><status>DONE</status><owner>Петров</owner><endTime>27-02-2026</endTime></task>
              <task><id>3</id><status>3</status><owner><id>9</id><name>Сидоров</name><login>s</login></owner></task>
            </tasks></response>
            """, "application/xml")).When(Method("taskStatus.getSetList"), _ => Answer("""<response status="ok"><taskStatusSets totalCount="0"/></response>""", "application/xml"));
        var observer = new RecordingObserver();
        var client = new PlanFixClient(PlanFixConnection.WithToken("acme", Secret.FromString("seam-key"), Secret.FromString("seam-token-odd"), Endpoint, "test",
            new PlanFixOptions { RequestsPerSecond = 1000, Retry = Support.Evotor.FastRetry }), observer, canned);

        var tasks = await client.GetTasksAsync().ToListAsync();

        Assert.Equal(new long[] { 1, 2, 3 }, tasks.Select(t => t.Id));
        Assert.Equal(("ACTIVE", "DONE"), (tasks[0].Extra["status"], tasks[1].Extra["status"]));
        Assert.Null(tasks[0].Status);
        Assert.Equal(3, tasks[2].Status);
        Assert.Equal("Иванов", tasks[0].Extra["owner"]);
        Assert.Equal((9L, "Сидоров", "s"), (tasks[2].OwnerId!.Value, tasks[2].OwnerName, ((ApiTools.PlanFix.Models.PlanFixExtra)tasks[2].Extra["owner"]!)["login"]));
        Assert.Equal("someday", tasks[0].Extra["endTime"]);
        Assert.NotNull(tasks[1].EndTime);
        // Each warning names the service, the item kind and the field, never the value: the same text for every item.
        var warnings = observer.Warnings.Distinct().ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("PlanFix task field 'status' is not a whole number in this answer; it is kept in Extra.", warnings);
        Assert.Contains(warnings, w => w.Contains("'owner'"));
        Assert.Contains(warnings, w => w.Contains("'endTime'"));
        Assert.DoesNotContain(warnings, w => w.Contains("ACTIVE") || w.Contains("Иванов") || w.Contains("someday"));
    }

    [Fact]
    public async Task Extra_holds_nested_parts_you_can_dot_into_and_prints_them_on_one_line()
    {
        var canned = new CannedAnswers().When(Method("action.get"), _ => Answer("""
            <response status="ok"><action><id>5</id><description>a</description>
              <analitics>
                <analitic><id>263</id><key>611423</key><name>Выработка</name></analitic>
                <analitic><id>264</id><key>611424</key><name>Расходы</name></analitic>
              </analitics>
              <taskExpectDateChanged><oldDate>01-01-2026</oldDate><newDate>02-01-2026</newDate></taskExpectDateChanged>
              <note>line one
            line two; with = signs</note>
            </action></response>
            """, "application/xml"));

        var action = await Client(canned, "seam-token-extra").GetActionAsync(5);

        var analitics = (ApiTools.PlanFix.Models.PlanFixExtra)action.Extra["analitics"]!;
        var rows = (ApiTools.PlanFix.Models.PlanFixExtraList)analitics["analitic"]!;
        Assert.Equal("611424", ((ApiTools.PlanFix.Models.PlanFixExtra)rows[1]!)["key"]);
        Assert.Equal("02-01-2026", ((ApiTools.PlanFix.Models.PlanFixExtra)action.Extra["taskExpectDateChanged"]!)["newDate"]);
        var cell = action.Extra.ToString();
        Assert.DoesNotContain("\n", cell.Replace("\\n", ""));
        Assert.DoesNotContain('\n', cell);
        Assert.Contains("analitics={\"analitic\":[{\"id\":\"263\",\"key\":\"611423\",\"name\":\"Выработка\"}", cell);
        Assert.Contains("note=\"line one\\nline two; with = signs\"", cell);
    }

    [Fact]
    public async Task A_whole_answer_that_is_not_XML_is_not_retried_but_one_cut_short_is()
    {
        var malformed = new CannedAnswers().When(Method("task.get"), _ => Answer("<response status=\"ok\"><task><id>1</id></tusk></response>", "application/xml"));
        var error = await Assert.ThrowsAsync<ApiException>(() => Client(malformed, "seam-token-malformed").GetTaskAsync(1));
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("Not retried", error.Message);
        Assert.Single(malformed.Requests);

        var calls = 0;
        var cut = new CannedAnswers().When(Method("task.get"), _ => Answer(Interlocked.Increment(ref calls) == 1
            ? "<response status=\"ok\"><task><id>1</id><title>Полное &amp;"
            : "<response status=\"ok\"><task><id>1</id><title>Полное</title></task></response>", "application/xml"))
            .When(Method("taskStatus.getSetList"), _ => Answer("<response status=\"ok\"><taskStatusSets totalCount=\"0\"/></response>", "application/xml"));
        var task = await Client(cut, "seam-token-cut").GetTaskAsync(1);
        Assert.Equal("Полное", task.Title);
        Assert.Equal(2, cut.Requests.Count(r => r.Body!.Contains("task.get")));
    }

    [Fact]
    public async Task A_download_redirected_to_another_host_goes_there_without_credentials_and_on_the_same_host_with_them()
    {
        var canned = new CannedAnswers()
            .When(s => s.Body is string b && b.Contains("<id>1</id>"), _ => Redirect("https://files.elsewhere.test/f/1?sig=abc"))
            .When(s => s.Body is string b && b.Contains("<id>2</id>"), _ => Redirect("/xml/files/2"))
            .When(s => s.Method == "GET", _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 1, 2, 3 }) });
        var client = Client(canned, "seam-token-redirect");
        var folder = Path.Combine(Path.GetTempPath(), "seam-" + Guid.NewGuid().ToString("N"));
        try
        {
            await client.DownloadFileAsync(1, null, folder, "one.bin", false);
            await client.DownloadFileAsync(2, null, folder, "two.bin", false);

            var gets = canned.Requests.Where(r => r.Method == "GET").ToList();
            Assert.Equal(2, gets.Count);
            Assert.Equal("/f/1", gets[0].Path);
            Assert.Null(gets[0].Header("Authorization"));
            Assert.Equal("/xml/files/2", gets[1].Path);
            Assert.StartsWith("Basic ", gets[1].Header("Authorization"));
            Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Path.Combine(folder, "one.bin")));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }

        static HttpResponseMessage Redirect(string location)
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found) { Content = new StringContent("") };
            response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            return response;
        }
    }

    [Fact]
    public async Task An_error_answered_with_HTTP_200_to_a_download_is_the_error_not_a_file()
    {
        var canned = new CannedAnswers().When(Method("file.download"),
            _ => Answer("<?xml version=\"1.0\"?><response status=\"error\"><code>9001</code><message>нет прав</message></response>", "application/xml"));
        var folder = Path.Combine(Path.GetTempPath(), "seam-" + Guid.NewGuid().ToString("N"));

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => Client(canned, "seam-token-9001").DownloadFileAsync(7, null, folder, "x.pdf", false));

        Assert.Equal(("9001", ApiErrorKind.Forbidden), (error.ErrorCode, error.Kind));
        Assert.False(File.Exists(Path.Combine(folder, "x.pdf")));
    }
}
