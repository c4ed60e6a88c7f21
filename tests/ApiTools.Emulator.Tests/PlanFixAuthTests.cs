using System.Net;
using System.Text;
using System.Xml.Linq;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.PlanFixHttp;

namespace ApiTools.Emulator.Tests;

public sealed class PlanFixAuthTests
{
    [Fact]
    public async Task Token_mode_serves_a_list_and_counts_it_under_the_method_key_on_both_paths()
    {
        await using var server = await StartAsync();
        using var client = Client(server);

        var slash = await CallAsync(client, "task.getList");
        var noSlash = await PostRawAsync(client, Request("task.getList", []), server.Address + "planfix/xml");
        var users = await CallAsync(client, "user.getList");

        slash.AssertOk();
        noSlash.AssertOk();
        users.AssertOk();
        Assert.Equal("application/xml", slash.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("http://127.0.0.1:" + server.Address.Port + "/planfix/xml/", server.PlanFixBaseUri.ToString());
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.TaskGetList));
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.Method("task.getList")));
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.UserGetList));
        Assert.Equal("POST /planfix/xml/ task.getList", PlanFixRouteKeys.TaskGetList);
        Assert.Equal((server.Settings.PlanFixDailyQuota - 3).ToString(), users.Header("X-RateLimit-Remaining"));
        Assert.DoesNotContain("<!DOCTYPE", slash.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer planfix-demo-token")]
    [InlineData("Basic ***not base64***")]
    [InlineData("Basic cGxhbmZpeC1kZW1vLWtleQ==")] // "planfix-demo-key" without a colon
    public async Task A_missing_or_undecodable_basic_header_is_http_401(string? header)
    {
        await using var server = await StartAsync();
        using var client = Client(server, apiKey: null);
        if (header is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var answer = await CallAsync(client, "task.getList");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Response.StatusCode);
        Assert.Equal("error", answer.Status);
        Assert.Equal(server.Settings.PlanFixDailyQuota, server.PlanFix.QuotaLeft);
    }

    [Fact]
    public async Task Wrong_key_token_account_and_missing_account_are_api_errors_with_http_200()
    {
        await using var server = await StartAsync();
        using var wrongKey = Client(server, "no-such-key");
        using var wrongToken = Client(server, ApiKey, "no-such-token");
        using var client = Client(server);

        (await CallAsync(wrongKey, "task.getList")).AssertError("0001");
        (await CallAsync(wrongToken, "task.getList")).AssertError("0012");
        (await PostRawAsync(client, Request("task.getList", [], account: "other"))).AssertError("0004");
        (await PostRawAsync(client, Request("task.getList", [], account: null))).AssertError("0009");
        using var second = Client(server, ApiKey, "planfix-demo-token-2");
        (await CallAsync(second, "task.getList")).AssertOk();
    }

    [Fact]
    public async Task Login_mode_issues_a_32_hex_sid_that_serves_requests()
    {
        await using var server = await StartAsync();
        using var client = LoginClient(server);

        var sid = await LoginAsync(client);
        var tasks = await CallWithSidAsync(client, sid, "task.getList");
        var me = await CallWithSidAsync(client, sid, "user.get");

        Assert.Matches("^[0-9a-f]{32}$", sid);
        tasks.List("tasks");
        me.AssertOk();
        Assert.Equal(server.PlanFix.Users[0].Id.ToString(), me.Root.Element("user")!.Element("id")!.Value);
        Assert.Equal([sid], server.PlanFix.SidsIssued);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.AuthLogin));
    }

    [Fact]
    public async Task Login_mode_errors_wrong_password_1001_missing_params_0009_no_sid_0012_unknown_sid_0005()
    {
        await using var server = await StartAsync();
        using var client = LoginClient(server);

        (await CallAsync(client, "auth.login", new XElement("login", Login), new XElement("password", "wrong"))).AssertError("1001");
        (await CallAsync(client, "auth.login", new XElement("login", "nobody"), new XElement("password", Password))).AssertError("1001");
        (await CallAsync(client, "auth.login", new XElement("login", Login))).AssertError("0009");
        (await CallAsync(client, "task.getList")).AssertError("0012");
        (await CallWithSidAsync(client, "0123456789abcdef0123456789abcdef", "task.getList")).AssertError("0005");
        Assert.Empty(server.PlanFix.SidsIssued);
    }

    [Fact]
    public async Task An_expired_sid_is_0005_and_a_new_login_works()
    {
        await using var server = await StartAsync();
        using var client = LoginClient(server);
        var sid = await LoginAsync(client);
        (await CallWithSidAsync(client, sid, "project.getList")).AssertOk();

        // The TTL is checked on each use: one tick makes every existing sid stale.
        server.Settings.PlanFixSidTtl = TimeSpan.FromTicks(1);
        var expired = await CallWithSidAsync(client, sid, "project.getList");
        server.Settings.PlanFixSidTtl = TimeSpan.FromHours(1);
        var stillExpired = await CallWithSidAsync(client, sid, "project.getList");
        var fresh = await LoginAsync(client);
        var again = await CallWithSidAsync(client, fresh, "project.getList");

        expired.AssertError("0005");
        stillExpired.AssertError("0005");
        again.AssertOk();
        Assert.NotEqual(sid, fresh);
        Assert.Equal(2, server.PlanFix.SidsIssued.Count);
    }

    [Fact]
    public async Task Sid_ttl_defaults_to_an_hour_and_comes_from_options()
    {
        await using var server = await StartAsync(o => o.PlanFixSidTtl = TimeSpan.FromMinutes(5));
        Assert.Equal(TimeSpan.FromMinutes(5), server.Settings.PlanFixSidTtl);
        server.Settings.PlanFixSidTtl = TimeSpan.FromSeconds(1);
        server.Reset();
        Assert.Equal(TimeSpan.FromMinutes(5), server.Settings.PlanFixSidTtl);
        Assert.Equal(TimeSpan.FromHours(1), new EmulatorOptions().PlanFixSidTtl);
    }

    [Fact]
    public async Task The_expire_sid_fault_hits_the_nth_listing_call_and_a_relogin_finishes_1000_tasks()
    {
        await using var server = await StartAsync(o => o.PlanFixTasks = 1000);
        using var client = LoginClient(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, ExpireSid = true, Skip = 4 });
        var sid = await LoginAsync(client);
        var ids = new List<long>();
        var expiries = 0;

        for (var page = 1; page <= 20; page++)
        {
            var answer = await CallWithSidAsync(client, sid, "task.getList", PageParams(page));
            if (answer.Code == "0005")
            {
                Assert.Equal(5, page);
                expiries++;
                Assert.True(expiries <= 1, "the sid expired twice");
                sid = await LoginAsync(client);
                page--;
                continue;
            }
            var list = answer.List("tasks");
            Assert.Equal("1000", list.Attribute("totalCount")!.Value);
            ids.AddRange(list.Elements("task").Select(t => long.Parse(t.Element("id")!.Value)));
            if (ids.Count >= 1000) break;
        }

        Assert.Equal(1, expiries);
        Assert.Equal(server.PlanFix.Tasks.Select(t => t.Id), ids);
        Assert.Equal(11, server.Requests.Count(PlanFixRouteKeys.TaskGetList));
        Assert.Equal(2, server.PlanFix.SidsIssued.Count);
        Assert.Empty(server.Faults.Pending());
    }

    [Fact]
    public async Task Token_mode_ignores_the_expire_sid_fault_because_it_sends_no_sid()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, ExpireSid = true });

        (await CallAsync(client, "task.getList")).AssertOk();

        Assert.Single(server.Faults.Pending());
    }

    [Fact]
    public async Task Custom_accounts_keys_tokens_and_logins_come_from_options()
    {
        await using var server = await StartAsync(o =>
        {
            o.PlanFixAccount = "acme";
            o.PlanFixApiKeys = ["k1", "k2"];
            o.PlanFixTokens = ["t1"];
            o.PlanFixLogins = new Dictionary<string, string> { ["ivan"] = "секрет" };
        });
        using var token = Client(server, "k2", "t1");
        using var login = Client(server, "k1", "");

        var ok = await PostRawAsync(token, Request("user.get", [], account: "acme"));
        var demo = await PostRawAsync(token, Request("user.get", [], account: "demo"));
        var sidAnswer = await PostRawAsync(login, Request("auth.login", [new XElement("login", "ivan"), new XElement("password", "секрет")], account: "acme"));

        ok.AssertOk();
        demo.AssertError("0004");
        sidAnswer.AssertOk();
        Assert.Equal("acme", server.PlanFix.Account);
    }
}
