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
}
