using System.Collections;
using System.Xml.Linq;
using ApiTools.Emulator;
using ApiTools.Emulator.PlanFix;
using ApiTools.Paging;
using ApiTools.PlanFix;
using ApiTools.PlanFix.Models;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using ApiTools.PlanFix.Requests;
using static ApiTools.Tests.PlanFix.PlanFixTest;

namespace ApiTools.Tests.PlanFix;

public class PlanFixModesAndListsTests
{
    [Fact]
    public async Task Token_mode_lists_every_task_once_typed_and_flat_without_any_login()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var tasks = await client.GetTasksAsync().ToListAsync();

        Assert.Equal(server.PlanFix.Tasks.Count, tasks.Count);
        Assert.Equal(tasks.Count, tasks.Select(t => t.Id).Distinct().Count());
        Assert.Equal(3, server.Requests.Count(PlanFixRouteKeys.TaskGetList)); // 250 tasks, pages of 100
        Assert.Equal(0, server.Requests.Count(PlanFixRouteKeys.AuthLogin));
        Assert.All(tasks, t => Assert.Equal(t.Id, t.TaskId));
        Assert.Contains(tasks, t => t.OwnerName is { Length: > 0 } && t.ProjectTitle is { Length: > 0 });
        Assert.Contains(tasks, t => t.Workers.Count > 1 && t.Workers.ToString().Contains(';'));
        Assert.Contains(tasks, t => t.CustomFields.Count > 0);
        var seeded = server.PlanFix.FindTask(tasks[0].Id)!;
        Assert.Equal(seeded.Title, tasks[0].Title);
    }

    [Fact]
    public async Task Login_mode_logs_in_once_and_keeps_the_sid_across_calls_and_clients()
    {
        await using var server = await StartAsync();
        var client = LoginClient(server);

        var users = await client.GetUsersAsync().ToListAsync();
        var projects = await client.GetProjectsAsync().ToListAsync();
        var again = new PlanFixClient(client.Connection);
        var contacts = await again.GetContactsAsync(range: new PageRange(0, 3)).ToListAsync();

        Assert.Equal(server.PlanFix.Users.Count, users.Count);
        Assert.Equal(server.PlanFix.Projects.Count, projects.Count);
        Assert.Equal(3, contacts.Count);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.AuthLogin));
        Assert.Single(server.PlanFix.SidsIssued);
        Assert.Equal("Login", client.Connection.AuthMode);
        Assert.DoesNotContain(server.PlanFix.SidsIssued[0], client.Connection.ToString());
    }

    [Fact]
    public async Task Sid_expiring_in_the_middle_of_a_thousand_task_listing_costs_one_login_and_no_task_twice()
    {
        await using var server = await StartAsync(o => o.PlanFixTasks = 1000);
        var client = LoginClient(server);
        // The 5th page request finds its sid expired: the client logs in again and asks for that page again.
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, ExpireSid = true, Skip = 4 });

        var tasks = await client.GetTasksAsync().ToListAsync();

        Assert.Equal(1000, tasks.Count);
        Assert.Equal(1000, tasks.Select(t => t.Id).Distinct().Count());
        Assert.Equal(server.PlanFix.Tasks.Select(t => t.Id).OrderBy(i => i), tasks.Select(t => t.Id).OrderBy(i => i));
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.AuthLogin)); // the first, and exactly one more
        Assert.Equal(11, server.Requests.Count(PlanFixRouteKeys.TaskGetList)); // 10 pages + the one refused
    }

    [Fact]
    public async Task First_five_costs_one_request_asking_for_five()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var five = await client.GetTasksAsync(range: new PageRange(0, 5)).ToListAsync();

        Assert.Equal(5, five.Count);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskGetList));
    }

    [Fact]
    public async Task A_cap_past_the_first_page_keeps_page_numbers_consistent()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var all = await client.GetTasksAsync().ToListAsync();
        var capped = await client.GetTasksAsync(range: new PageRange(30, 120)).ToListAsync();

        Assert.Equal(all.Skip(30).Take(120).Select(t => t.Id), capped.Select(t => t.Id));
    }

    [Fact]
    public async Task Filters_projects_and_actions_read_as_the_seed_says()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var project = server.PlanFix.Projects[1];

        var inProject = await client.GetTasksAsync(new PlanFixTaskQuery { ProjectId = project.Id }).ToListAsync();
        Assert.NotEmpty(inProject);
        Assert.All(inProject, t => Assert.Equal(project.Id, t.ProjectId));
        Assert.Equal(server.PlanFix.Tasks.Count(t => t.ProjectId == project.Id), inProject.Count);

        var active = await client.GetTasksAsync(new PlanFixTaskQuery { Filter = "Active" }).ToListAsync();
        Assert.NotEmpty(active);
        Assert.True(active.Count < server.PlanFix.Tasks.Count);

        var withActions = server.PlanFix.Tasks.First(t => server.PlanFix.ActionsOf(t.Id).Count > 1);
        var actions = await client.GetActionsAsync(withActions.Id).ToListAsync();
        // Newest first: action.getList's default sort is desc, as the reference says.
        Assert.Equal(server.PlanFix.ActionsOf(withActions.Id).Select(a => a.Id).Reverse(), actions.Select(a => a.Id));
        Assert.All(actions, a => Assert.Equal(withActions.Id, a.TaskId));
        Assert.All(actions, a => Assert.NotNull(a.DateTime));
        Assert.Equal(TimeSpan.FromHours(3), actions[0].DateTime!.Value.Offset);

        var one = await client.GetTaskAsync(withActions.Id);
        var byGeneral = await client.GetTaskByGeneralAsync(one.General!.Value);
        Assert.Equal(one.Id, byGeneral.Id);
        Assert.Equal((await client.GetProjectAsync(project.Id)).Title, project.Title);
        Assert.Equal(server.PlanFix.Users[0].Email, (await client.GetUserAsync(server.PlanFix.Users[0].Id)).Email);
        var contact = server.PlanFix.Contacts[0];
        var read = await client.GetContactAsync(contact.Id);
        Assert.Equal((contact.UserId, contact.General), (read.UserId!.Value, read.General!.Value));
    }

    [Fact]
    public async Task Invoke_with_nested_parameters_and_repeated_elements_and_the_raw_list()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var users = server.PlanFix.Users.Take(2).Select(u => u.Id).ToArray();

        var added = await client.InvokeAsync("task.add", new Hashtable
        {
            ["task"] = new Hashtable
            {
                ["title"] = "Через InvokeAsync <&>",
                ["workers"] = new Hashtable { ["users"] = new Hashtable { ["id"] = users } },
            },
        });
        var id = long.Parse(added.Element("task")!.Element("id")!.Value);
        var task = await client.GetTaskAsync(id);
        Assert.Equal("Через InvokeAsync <&>", task.Title);
        Assert.Equal(users.Select(u => u.ToString()), task.WorkerIds.OrderBy(x => x));

        var items = await client.InvokeListAsync("task.getList", new Hashtable { ["target"] = "all" }).ToListAsync();
        Assert.Equal(server.PlanFix.Tasks.Count, items.Count);
        Assert.All(items, x => Assert.Equal("task", x.Name.LocalName));

        var viaXml = await client.InvokeAsync("task.get", XElement.Parse($"<request><task><id>{id}</id></task><account>other</account></request>"));
        Assert.Equal(id.ToString(), viaXml.Element("task")!.Element("id")!.Value);
    }

    [Fact]
    public async Task Writes_are_read_back_and_a_comment_lands_on_the_task()
    {
        await using var server = await StartAsync();
        var client = LoginClient(server);
        var project = server.PlanFix.Projects[0];
        var end = new DateTimeOffset(2026, 12, 24, 15, 30, 0, TimeSpan.FromHours(3));

        var task = await client.AddTaskAsync(new PlanFixTaskDraft
        {
            Title = "Новая", Importance = "HIGH", ProjectId = project.Id, WorkerIds = new[] { server.PlanFix.Users[1].Id }, EndTime = end,
        });
        Assert.Equal("Новая", task.Title);
        Assert.Equal("HIGH", task.Importance);
        Assert.Equal(project.Title, task.ProjectTitle);
        Assert.Equal(end, task.EndTime);

        var changed = await client.UpdateTaskAsync(task.Id, new PlanFixTaskDraft { Status = "3", Title = "Готово" });
        Assert.Equal(3, changed.Status);
        Assert.Equal("Готово", server.PlanFix.FindTask(task.Id)!.Title);

        var comment = await client.AddCommentAsync(task.Id, "Первый");
        Assert.True(comment.Id > 0);
        Assert.Contains(server.PlanFix.ActionsOf(task.Id), a => a.Id == comment.Id && a.Description.Contains("Первый"));
    }
}

public class PlanFixLimitsAndErrorsTests
{
    [Fact]
    public async Task The_quota_follows_the_header_warns_once_under_ten_percent_and_0007_stops_everything()
    {
        await using var server = await StartAsync(o => o.PlanFixDailyQuota = 20);
        var observer = new RecordingObserver();
        var client = TokenClient(server, observer, Options(dailyQuota: 20));

        await client.GetUserAsync(server.PlanFix.Users[0].Id);
        Assert.Equal(19, client.Quota.Remaining);
        Assert.Equal("X-RateLimit-Remaining", client.Quota.Source);

        ApiException? spent = null;
        for (var i = 0; i < 25 && spent is null; i++)
        {
            try { await client.GetUserAsync(server.PlanFix.Users[0].Id); }
            catch (ApiException e) { spent = e; }
        }

        Assert.NotNull(spent);
        Assert.Equal(ApiErrorKind.QuotaExhausted, spent!.Kind);
        Assert.Equal("0007", spent.ErrorCode);
        Assert.True(spent.StopsEverything);
        Assert.Contains("daily request limit", spent.Message);
        Assert.Equal(0, client.Quota.Remaining);
        Assert.Single(observer.Warnings, w => w.StartsWith("PlanFix: 1 of 20 requests left today"));
        Assert.True(client.Quota.LowWarningShown);
    }

    [Theory]
    [InlineData("0011")]
    [InlineData("3014")]
    public async Task Retryable_codes_are_retried_with_backoff_on_reads(string code)
    {
        await using var server = await StartAsync();
        var observer = new RecordingObserver();
        var client = TokenClient(server, observer);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGetList, PlanFixError = code, Times = 2 });

        var tasks = await client.GetTasksAsync(range: new PageRange(0, 10)).ToListAsync();

        Assert.Equal(10, tasks.Count);
        Assert.Equal(3, server.Requests.Count(PlanFixRouteKeys.TaskGetList));
        Assert.Equal(2, observer.Waits.Count(w => w.Reason.StartsWith("retrying POST /task.getList")));
        Assert.Contains(observer.Calls, c => c.Path == "task.getList" && c.Failure!.Contains(code));
    }

    [Fact]
    public async Task A_retryable_code_on_task_add_is_not_repeated()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskAdd, PlanFixError = "0011" });

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.AddTaskAsync(new PlanFixTaskDraft { Title = "x" }));

        Assert.Equal(ApiErrorKind.ServerError, error.Kind);
        Assert.Equal("0011", error.ErrorCode);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskAdd));
    }

    [Fact]
    public async Task A_response_with_a_DTD_and_an_external_entity_is_refused_unexpanded()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        server.Faults.Enqueue(new FaultRule { Route = PlanFixRouteKeys.TaskGet, PlanFixDtd = true });

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetTaskAsync(server.PlanFix.Tasks[0].Id));

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("DTD", error.Message);
        Assert.DoesNotContain("root:", error.ToString());
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskGet)); // not retried: the same answer would come
    }

    [Theory]
    [InlineData("wrong-key", Token, "demo", "0001", ApiErrorKind.Unauthorized)]
    [InlineData(ApiKey, "wrong-token", "demo", "0012", ApiErrorKind.Unauthorized)]
    [InlineData(ApiKey, Token, "other", "0004", ApiErrorKind.Unauthorized)]
    public async Task Credentials_errors_are_unauthorized_with_the_code_and_no_secret(string key, string token, string account, string code, ApiErrorKind kind)
    {
        await using var server = await StartAsync();
        var client = TokenClient(server, apiKey: key, token: token, account: account);

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetProjectsAsync().ToListAsync());

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.ErrorCode);
        Assert.True(error.StopsEverything);
        Assert.DoesNotContain(key, error.ToString());
        Assert.DoesNotContain(token, error.ToString());
    }

    [Fact]
    public async Task A_wrong_password_is_1001_and_the_password_appears_nowhere()
    {
        await using var server = await StartAsync();
        var client = LoginClient(server, password: "wrong-password-77");

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetProjectsAsync().ToListAsync());

        Assert.Equal(ApiErrorKind.Unauthorized, error.Kind);
        Assert.Equal("1001", error.ErrorCode);
        Assert.DoesNotContain("wrong-password-77", error.ToString());
    }

    [Fact]
    public async Task Not_found_unknown_method_and_bad_values_map_by_code()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var task = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetTaskAsync(987654321));
        Assert.Equal((ApiErrorKind.NotFound, "3001"), (task.Kind, task.ErrorCode));
        Assert.Contains("task not found", task.Message);
        Assert.False(task.StopsEverything);

        var project = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetProjectAsync(987654321));
        Assert.Equal((ApiErrorKind.NotFound, "2001"), (project.Kind, project.ErrorCode));

        var method = await Assert.ThrowsAnyAsync<ApiException>(() => client.InvokeAsync("no.suchMethod", null));
        Assert.Equal("0008", method.ErrorCode);
        Assert.Contains("unknown API method", method.Message);

        var tooMany = await Assert.ThrowsAsync<ApiValidationException>(() =>
            client.InvokeAsync("task.getList", new Hashtable { ["pageSize"] = 101 }));
        Assert.Equal("0021", tooMany.ErrorCode);
        Assert.NotEmpty(tooMany.Violations);
    }

    [Fact]
    public async Task The_emulator_at_one_request_a_second_is_never_hit_too_soon_by_the_paced_client()
    {
        await using var server = await StartAsync(o => { o.PlanFixRatePerSecond = 5; o.PlanFixTasks = 120; });
        var observer = new RecordingObserver();
        // Paced at half the server's rate: requests can reach the server later than they leave (a loaded test
        // machine), and the slack must cover that; what is tested is that the pacing never lets two go together.
        var client = TokenClient(server, observer, Options(rate: 2.5));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var users = await client.GetUsersAsync().ToListAsync();
        var tasks = await client.GetTasksAsync().ToListAsync();
        await client.GetTaskAsync(tasks[0].Id);

        Assert.Equal(120, tasks.Count);
        Assert.NotEmpty(users);
        Assert.Equal(0, observer.CountStatus(429));
        Assert.True(started.Elapsed >= TimeSpan.FromSeconds(1.1), $"4 calls at 2.5/s took {started.Elapsed}");
    }

    [Fact]
    public void Every_code_of_the_table_has_an_English_meaning_and_the_kinds_the_spec_names()
    {
        var codes = PlanFixErrorCodes.All.ToDictionary(e => e.Code);
        // The reference's table (Коды_ошибок): four digits, five for analitics (10001–10004) and the stream API (11001).
        var table = ("0000 0001 0002 0003 0004 0005 0006 0007 0008 0009 0010 0011 0012 0013 0014 0015 0016 0017 0018 0019 0020 0021 0022 0023 0024 " +
                     "0101 0102 0103 0104 0105 1001 1002 2001 2002 2003 " + string.Join(" ", Enumerable.Range(3001, 14)) + " " + string.Join(" ", Enumerable.Range(4001, 16)) +
                     " 5001 5002 5003 6001 6002 6003 6004 6005 6006 7001 7002 7003 7004 " + string.Join(" ", Enumerable.Range(8001, 10)) + " " +
                     string.Join(" ", Enumerable.Range(9001, 9)) + " 10001 10002 10003 10004 11001").Split(' ');
        Assert.Equal(table.OrderBy(c => c), codes.Keys.OrderBy(c => c));
        Assert.Equal(ApiErrorKind.NotFound, codes["10002"].Kind);
        Assert.Equal(ApiErrorKind.Forbidden, codes["10001"].Kind);
        Assert.All(codes.Values, e => Assert.Matches("^[a-z][a-zA-Z0-9 ,;'%.-]+$", e.Meaning));
        foreach (var c in "0001 0012 1001 0005 0004".Split(' ')) Assert.Equal(ApiErrorKind.Unauthorized, codes[c].Kind);
        foreach (var c in "0002 0010 0020 0022 0023 0104 0105 1002".Split(' ')) Assert.Equal(ApiErrorKind.Forbidden, codes[c].Kind);
        foreach (var c in "0101 2001 3001 4002 8002 0013".Split(' ')) Assert.Equal(ApiErrorKind.NotFound, codes[c].Kind);
        foreach (var c in "0003 0009 0015 0016 0017 0019 0021 8007 9006".Split(' ')) Assert.Equal(ApiErrorKind.ValidationFailed, codes[c].Kind);
        Assert.Equal(ApiErrorKind.QuotaExhausted, codes["0007"].Kind);
        Assert.Equal(ApiErrorKind.ServerError, codes["0011"].Kind);
        Assert.Equal(ApiErrorKind.ServerError, codes["3014"].Kind);
        Assert.Equal(ApiErrorKind.Configuration, codes["0024"].Kind);
    }

    [Fact]
    public void Dates_parse_and_format_in_the_connection_zone()
    {
        var moscow = PlanFixDates.Moscow;
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 14, 30, 0, TimeSpan.FromHours(3)), PlanFixDates.Parse("25-11-2026 14:30", moscow));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(3)), PlanFixDates.Parse("25-11-2026", moscow));
        Assert.Equal("25-11-2026 16:30", PlanFixDates.Format(new DateTimeOffset(2026, 11, 25, 13, 30, 0, TimeSpan.Zero), moscow));
        Assert.Equal("25-11-2026", PlanFixDates.Format(new DateTimeOffset(2026, 11, 25, 13, 30, 0, TimeSpan.Zero), moscow, withTime: false));
        var plus5 = PlanFixDates.ParseTimeZone("+05:00");
        Assert.Equal("25-11-2026 18:30", PlanFixDates.Format(new DateTimeOffset(2026, 11, 25, 13, 30, 0, TimeSpan.Zero), plus5));
        Assert.Throws<FormatException>(() => PlanFixDates.Parse("2026-11-25", moscow));
        Assert.Throws<ArgumentException>(() => PlanFixDates.ParseTimeZone("Mars/Olympus"));
    }

    [Fact]
    public void The_environment_makes_token_or_login_connections_and_refuses_half_set_ones()
    {
        var names = new[] { "PLANFIX_ACCOUNT", "PLANFIX_API_KEY", "PLANFIX_TOKEN", "PLANFIX_LOGIN", "PLANFIX_PASSWORD", "PLANFIX_BASE_URI" };
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var n in names) Environment.SetEnvironmentVariable(n, null);
            Assert.Null(PlanFixConnection.FromEnvironment());
            Environment.SetEnvironmentVariable("PLANFIX_ACCOUNT", "acme");
            Assert.Equal(ApiErrorKind.Configuration, Assert.Throws<ApiException>(() => PlanFixConnection.FromEnvironment()).Kind);
            Environment.SetEnvironmentVariable("PLANFIX_API_KEY", "k-secret");
            Assert.Equal(ApiErrorKind.Configuration, Assert.Throws<ApiException>(() => PlanFixConnection.FromEnvironment()).Kind);
            Environment.SetEnvironmentVariable("PLANFIX_LOGIN", "ivan");
            Assert.Equal(ApiErrorKind.Configuration, Assert.Throws<ApiException>(() => PlanFixConnection.FromEnvironment()).Kind);
            Environment.SetEnvironmentVariable("PLANFIX_PASSWORD", "p-secret");
            var login = PlanFixConnection.FromEnvironment()!;
            Assert.Equal(("Login", "acme", PlanFixConnection.DefaultBaseUri), (login.AuthMode, login.Account, login.BaseUri.AbsoluteUri));
            Environment.SetEnvironmentVariable("PLANFIX_TOKEN", "t-secret");
            Environment.SetEnvironmentVariable("PLANFIX_BASE_URI", "http://127.0.0.1:1/planfix/xml/");
            var token = PlanFixConnection.FromEnvironment()!;
            Assert.Equal("Token", token.AuthMode);
            Assert.Equal("http://127.0.0.1:1/planfix/xml/", token.BaseUri.AbsoluteUri);
            Assert.DoesNotContain("secret", token.ToString() + login.ToString());
        }
        finally
        {
            foreach (var n in names) Environment.SetEnvironmentVariable(n, saved[n]);
        }
    }
}
