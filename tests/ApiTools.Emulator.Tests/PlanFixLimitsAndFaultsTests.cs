using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.PlanFixHttp;

namespace ApiTools.Emulator.Tests;

public sealed class PlanFixLimitsAndFaultsTests
{
    [Fact]
    public async Task A_second_request_within_a_second_is_429_with_retry_after_per_account_and_key()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixApiKeys = ["planfix-demo-key", "other-key"] });
        Assert.Equal(1, server.Settings.PlanFixRatePerSecond);
        using var client = Client(server);
        using var otherKey = Client(server, "other-key");
        using var noHeader = Client(server, apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(noHeader, "user.get")).Response.StatusCode); // not throttled, not counted as admitted
        var first = await CallAsync(client, "user.get");
        var second = await CallAsync(client, "user.get");
        var other = await CallAsync(otherKey, "user.get");

        first.AssertOk();
        Assert.Equal((HttpStatusCode)429, second.Response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), second.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("error", second.Status);
        other.AssertOk();
        // The refused request spent nothing of the quota.
        Assert.Equal(server.Settings.PlanFixDailyQuota - 2, server.PlanFix.QuotaLeft);
        Assert.Equal(4, server.Requests.Count(PlanFixRouteKeys.UserGet));
    }

    [Fact]
    public async Task A_slower_rate_gives_a_longer_retry_after_and_zero_turns_limiting_off_live()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixRatePerSecond = 0.25 });
        using var client = Client(server);

        (await CallAsync(client, "user.get")).AssertOk();
        var limited = await CallAsync(client, "user.get");
        server.Settings.PlanFixRatePerSecond = 0;
        var answers = new List<PlanFixHttp.Answer>();
        for (var i = 0; i < 5; i++) answers.Add(await CallAsync(client, "user.get"));

        Assert.Equal((HttpStatusCode)429, limited.Response.StatusCode);
        Assert.InRange(limited.Response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 3, 4);
        Assert.All(answers, a => a.AssertOk());
    }

    [Fact]
    public async Task The_daily_quota_counts_down_in_x_rate_limit_remaining_then_answers_0007()
    {
        await using var server = await StartAsync(o => o.PlanFixDailyQuota = 3);
        using var client = Client(server);

        var answers = new List<PlanFixHttp.Answer>();
        for (var i = 0; i < 5; i++) answers.Add(await CallAsync(client, "project.getList"));

        Assert.Equal(["2", "1", "0", "0", "0"], answers.Select(a => a.Header("X-RateLimit-Remaining")));
        answers[2].AssertOk();
        answers[3].AssertError("0007");
        answers[4].AssertError("0007");
        Assert.Equal(0, server.PlanFix.QuotaLeft);

        server.Settings.PlanFixDailyQuota = 10;
        var raised = await CallAsync(client, "project.getList");
        raised.AssertOk();
        Assert.Equal("6", raised.Header("X-RateLimit-Remaining"));
        server.Reset();
        Assert.Equal(3, server.PlanFix.QuotaLeft);
        Assert.Equal(5000, new EmulatorOptions().PlanFixDailyQuota);
    }

    [Fact]
    public async Task Api_errors_after_admission_spend_quota_and_carry_the_header()
    {
        await using var server = await StartAsync(o => o.PlanFixDailyQuota = 100);
        using var client = Client(server);

        var missing = await CallAsync(client, "task.get", Id("task", 1));
        var wrongAccount = await PostRawAsync(client, Request("task.get", [], account: "other"));

        missing.AssertError("3001");
        Assert.Equal("99", missing.Header("X-RateLimit-Remaining"));
        wrongAccount.AssertError("0004");
        Assert.Equal("", wrongAccount.Header("X-RateLimit-Remaining"));
        Assert.Equal(99, server.PlanFix.QuotaLeft);
    }

    [Theory]
    [InlineData("0011")]
    [InlineData("3014")]
    public async Task The_planfix_error_fault_answers_the_code_once(string code)
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGet, PlanFixError = code });
        var id = server.PlanFix.Tasks[0].Id;

        var other = await CallAsync(client, "task.getList");
        var failed = await CallAsync(client, "task.get", Id("task", id));
        var retried = await CallAsync(client, "task.get", Id("task", id));

        other.AssertOk();
        failed.AssertError(code);
        retried.AssertOk();
    }

    [Fact]
    public async Task The_dtd_fault_sends_a_doctype_with_an_external_entity_that_a_careful_parser_refuses()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { PlanFixDtd = true });

        using var content = new StringContent(Request("task.getList", []), Encoding.UTF8, "application/xml");
        var response = await client.PostAsync("", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<!DOCTYPE", body);
        Assert.Contains("<!ENTITY x SYSTEM \"file:///etc/passwd\">", body);
        Assert.Contains("&x;", body);
        Assert.Throws<XmlException>(() => Parse(body));
        (await CallAsync(client, "task.getList")).AssertOk();
    }

    [Fact]
    public async Task Planfix_faults_only_match_planfix_requests_and_skip_lets_requests_through()
    {
        await using var server = await StartAsync();
        using var evotor = EmulatorHttp.Client(server);
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { PlanFixError = "0011", Skip = 2 });

        var store = await evotor.GetAsync("evotor/stores");
        var a = await CallAsync(client, "user.get");
        var b = await CallAsync(client, "user.get");
        var c = await CallAsync(client, "user.get");

        Assert.Equal(HttpStatusCode.OK, store.StatusCode);
        a.AssertOk();
        b.AssertOk();
        c.AssertError("0011");
        Assert.Empty(server.Faults.Pending());
    }

    [Fact]
    public async Task A_status_fault_is_that_http_status_with_an_xml_error_body()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.UserGet, Status = 503, RetryAfterSeconds = 2 });

        var answer = await CallAsync(client, "user.get");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Response.StatusCode);
        Assert.Equal("error", answer.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), answer.Response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public void Fault_rules_validate_the_planfix_kinds()
    {
        var faults = new FaultQueue();
        Assert.Throws<ArgumentException>(() => faults.Enqueue(new FaultRule { PlanFixError = "11" }));
        Assert.Throws<ArgumentException>(() => faults.Enqueue(new FaultRule { PlanFixError = "0011", ExpireSid = true }));
        Assert.Throws<ArgumentException>(() => faults.Enqueue(new FaultRule { PlanFixDtd = true, Skip = -1 }));
        faults.Enqueue(new FaultRule { ExpireSid = true, Skip = 3, Times = 2 });
        Assert.Equal(3, faults.Pending().Single().Skip);
    }

    [Fact]
    public async Task The_control_surface_sets_planfix_settings_and_queues_planfix_faults()
    {
        await using var server = await StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };
        using var client = LoginClient(server);
        var sid = await LoginAsync(client);

        var set = await control.PostAsync("_emulator/settings", new StringContent(
            """{"planFixRatePerSecond":0,"planFixDailyQuota":50,"planFixSidTtlSeconds":120}""", Encoding.UTF8, "application/json"));
        var bad = await control.PostAsync("_emulator/settings", new StringContent("""{"planFixDailyQuota":-1}""", Encoding.UTF8, "application/json"));
        var fault = await control.PostAsync("_emulator/faults", new StringContent(
            $$"""{"route":"{{PlanFixRouteKeys.ProjectGetList}}","expireSid":true}""", Encoding.UTF8, "application/json"));
        var expired = await CallWithSidAsync(client, sid, "project.getList");
        var settings = await control.GetStringAsync("_emulator/settings");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        expired.AssertError("0005");
        Assert.Equal(TimeSpan.FromMinutes(2), server.Settings.PlanFixSidTtl);
        Assert.Equal(50, server.Settings.PlanFixDailyQuota);
        Assert.Contains("\"planFixDailyQuota\":50", settings);
        Assert.Contains("\"planFixRatePerSecond\":0", settings);
    }
}
