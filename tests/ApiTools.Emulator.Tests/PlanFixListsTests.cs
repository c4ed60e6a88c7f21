using System.Xml.Linq;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.PlanFixHttp;

namespace ApiTools.Emulator.Tests;

public sealed class PlanFixListsTests
{
    private static long Long(XElement e, string name) => long.Parse(e.Element(name)!.Value);

    [Fact]
    public async Task Tasks_page_by_100_with_count_and_total_count_and_an_empty_page_past_the_end()
    {
        await using var server = await StartAsync(o => o.PlanFixTasks = 1234);
        using var client = Client(server);
        var ids = new List<long>();

        for (var page = 1; page <= 20; page++)
        {
            var list = (await CallAsync(client, "task.getList", PageParams(page))).List("tasks");
            Assert.Equal("1234", list.Attribute("totalCount")!.Value);
            var items = list.Elements("task").ToList();
            if (items.Count == 0) break;
            Assert.Equal(page <= 12 ? 100 : 34, items.Count);
            ids.AddRange(items.Select(t => Long(t, "id")));
        }
        var past = (await CallAsync(client, "task.getList", PageParams(99, 50))).List("tasks");
        var small = (await CallAsync(client, "task.getList", PageParams(3, 7))).List("tasks");

        Assert.Equal(server.PlanFix.Tasks.Select(t => t.Id), ids);
        Assert.Equal(1234, ids.Distinct().Count());
        Assert.Equal("0", past.Attribute("count")!.Value);
        Assert.Equal("1234", past.Attribute("totalCount")!.Value);
        Assert.Equal(ids.Skip(14).Take(7), small.Elements("task").Select(t => Long(t, "id")));
    }

    [Fact]
    public async Task A_hundred_thousand_tasks_seed_and_page_quickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var server = await StartAsync(o => o.PlanFixTasks = 100_000);
        var seeded = started.Elapsed;
        using var client = Client(server);

        var last = (await CallAsync(client, "task.getList", PageParams(1000))).List("tasks");
        var filtered = (await CallAsync(client, "task.getList", new XElement("filter", "MY"), new XElement("pageCurrent", 2))).List("tasks");

        Assert.Equal("100000", last.Attribute("totalCount")!.Value);
        Assert.Equal(100, last.Elements("task").Count());
        Assert.Equal(100, filtered.Elements("task").Count());
        Assert.True(seeded < TimeSpan.FromSeconds(10), $"seeding took {seeded}");
    }

    [Theory]
    [InlineData("101", null, "0021")]
    [InlineData("0", null, "0015")]
    [InlineData("ten", null, "0015")]
    [InlineData(null, "0", "0015")]
    [InlineData(null, "x", "0015")]
    public async Task Paging_errors_above_100_is_0021_bad_values_0015(string? pageSize, string? pageCurrent, string code)
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        foreach (var method in new[] { "task.getList", "project.getList", "contact.getList", "user.getList" })
        {
            var answer = await CallAsync(client, method,
                pageSize is null ? null! : new XElement("pageSize", pageSize),
                pageCurrent is null ? null! : new XElement("pageCurrent", pageCurrent));
            answer.AssertError(code);
        }
    }

    [Fact]
    public async Task A_task_has_the_contract_fields_dates_in_dd_MM_yyyy_custom_fields_and_several_workers()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var seeded = server.PlanFix.Tasks;
        var withBoth = seeded.First(t => t.CustomData.Count > 0 && t.WorkerIds.Count >= 2);

        var task = (await CallAsync(client, "task.get", Id("task", withBoth.Id))).Root.Element("task")!;
        var byGeneral = (await CallAsync(client, "task.get", new XElement("task", new XElement("general", withBoth.General)))).Root.Element("task")!;

        Assert.Equal(task.ToString(), byGeneral.ToString());
        Assert.NotEqual(withBoth.Id, withBoth.General);
        Assert.Equal(withBoth.Title, task.Element("title")!.Value);
        Assert.StartsWith("<p>", task.Element("description")!.Value);
        Assert.Contains(task.Element("importance")!.Value, new[] { "AVERAGE", "HIGH", "LOW" });
        Assert.Equal(withBoth.Status.ToString(), task.Element("status")!.Value);
        Assert.NotNull(task.Element("statusSet"));
        var owner = server.PlanFix.Users.Single(u => u.Id == withBoth.OwnerId);
        Assert.Equal(owner.FullName, task.Element("owner")!.Element("name")!.Value);
        Assert.Matches(DateTimePattern, task.Element("beginDateTime")!.Value);
        Assert.Equal(withBoth.BeginDateTime, DateTimeOffset.ParseExact(task.Element("beginDateTime")!.Value + " +03:00", "dd-MM-yyyy HH:mm zzz", null));
        var workers = task.Element("workers")!.Element("users")!.Elements("user").ToList();
        Assert.Equal(withBoth.WorkerIds, workers.Select(w => Long(w, "id")));
        Assert.All(workers, w => Assert.False(string.IsNullOrEmpty(w.Element("name")!.Value)));
        var values = task.Element("customData")!.Elements("customValue").ToList();
        Assert.Equal(withBoth.CustomData.Count, values.Count);
        Assert.Equal(withBoth.CustomData.Select(c => (c.FieldId.ToString(), c.FieldName, c.Value, c.Text)),
            values.Select(v => (v.Element("field")!.Element("id")!.Value, v.Element("field")!.Element("name")!.Value,
                v.Element("value")!.Value, v.Element("text")!.Value)));
        Assert.Contains(seeded, t => t.CustomData.Any(c => c.FieldName == "Сумма сделки"));

        // Across the seed: projects, clients, start and end times (with and without a time) all occur.
        Assert.Contains(seeded, t => t.ProjectId is not null);
        Assert.Contains(seeded, t => t.ProjectId is null);
        Assert.Contains(seeded, t => t.ClientId is not null);
        Assert.Contains(seeded, t => t.EndTime is not null && t.EndTimeHasTime);
        Assert.Contains(seeded, t => t.EndTime is not null && !t.EndTimeHasTime);
        Assert.Contains(seeded, t => t.StartTime is not null);
        Assert.Contains(seeded, t => t.WorkerIds.Count == 0);
        Assert.Contains(seeded, t => t.Title.Any(c => c is >= 'А' and <= 'я'));
        var list = (await CallAsync(client, "task.getList")).List("tasks");
        Assert.All(list.Elements("task").SelectMany(t => new[] { t.Element("startTime"), t.Element("endTime") }).Where(e => e is not null),
            e => Assert.Matches(DatePattern, e!.Value));
        var withProject = list.Elements("task").First(t => t.Element("project") is not null);
        Assert.Equal(server.PlanFix.Projects.Single(p => p.Id == Long(withProject.Element("project")!, "id")).Title,
            withProject.Element("project")!.Element("title")!.Value);
    }

    [Fact]
    public async Task Task_get_errors_missing_task_3001_no_id_0009_bad_id_0015()
    {
        await using var server = await StartAsync();
        using var client = Client(server);

        (await CallAsync(client, "task.get", Id("task", 42))).AssertError("3001");
        (await CallAsync(client, "task.get", new XElement("task", new XElement("general", 999999)))).AssertError("3001");
        (await CallAsync(client, "task.get")).AssertError("0009");
        (await CallAsync(client, "task.get", new XElement("task", new XElement("id", "abc")))).AssertError("0015");
    }

    [Fact]
    public async Task Task_list_filters_target_project_status_and_filter()
    {
        await using var server = await StartAsync(o => o.PlanFixTasks = 400);
        using var client = Client(server);
        var me = server.PlanFix.Users[0].Id;
        var tasks = server.PlanFix.Tasks;
        var now = DateTimeOffset.UtcNow;
        var project = server.PlanFix.Projects[1];

        async Task<List<long>> Ids(params object[] p)
        {
            var ids = new List<long>();
            for (var page = 1; page <= 10; page++)
            {
                var list = (await CallAsync(client, "task.getList", [.. p, .. PageParams(page)])).List("tasks");
                ids.AddRange(list.Elements("task").Select(t => Long(t, "id")));
                if (ids.Count >= int.Parse(list.Attribute("totalCount")!.Value)) return ids;
            }
            throw new Xunit.Sdk.XunitException("paging did not end");
        }

        Assert.Equal(tasks.Where(t => t.WorkerIds.Contains(me)).Select(t => t.Id), await Ids(new XElement("target", "in")));
        Assert.Equal(tasks.Where(t => t.OwnerId == me).Select(t => t.Id), await Ids(new XElement("target", "out")));
        Assert.Equal(tasks.Select(t => t.Id), await Ids(new XElement("target", "all")));
        Assert.Equal(tasks.Where(t => t.ProjectId == project.Id).Select(t => t.Id), await Ids(Id("project", project.Id)));
        Assert.Equal(tasks.Where(t => t.Status == 3).Select(t => t.Id), await Ids(new XElement("status", 3)));
        // Active: statuses the set counts as active (Завершённая 3 and Отменённая 5 are not).
        Assert.Equal(tasks.Where(t => t.Status is not (3 or 5)).Select(t => t.Id), await Ids(new XElement("filter", "ACTIVE")));
        Assert.Equal(tasks.Where(t => t.Status == 3).Select(t => t.Id), await Ids(new XElement("status", "COMPLETED")));
        Assert.Equal(tasks.Where(t => t.OwnerId == me || t.WorkerIds.Contains(me)).Select(t => t.Id), await Ids(new XElement("filter", "MY")));
        var overdue = await Ids(new XElement("filter", "OVERDUE"));
        Assert.NotEmpty(overdue);
        Assert.All(overdue, id =>
        {
            var t = tasks.Single(x => x.Id == id);
            Assert.DoesNotContain(t.Status, new[] { 3, 5 });
            Assert.True(t.EndTime < now, $"task {id} ends {t.EndTime}");
        });
        (await CallAsync(client, "task.getList", new XElement("filter", "SOON"))).AssertError("0015");
        (await CallAsync(client, "task.getList", new XElement("target", "sideways"))).AssertError("0015");
        (await CallAsync(client, "task.getList", Id("project", 1))).AssertError("2001");
        (await CallAsync(client, "task.getList", new XElement("status", "finished"))).AssertError("0015");
    }

    [Fact]
    public async Task Projects_contacts_and_users_list_and_get_with_their_not_found_codes()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var pf = server.PlanFix;

        var projects = (await CallAsync(client, "project.getList")).List("projects");
        var contacts = (await CallAsync(client, "contact.getList", PageParams(1, 25))).List("contacts");
        var users = (await CallAsync(client, "user.getList")).List("users");
        var project = (await CallAsync(client, "project.get", Id("project", pf.Projects[2].Id))).Root.Element("project")!;
        var contact = (await CallAsync(client, "contact.get", Id("contact", pf.Contacts[3].Id))).Root.Element("contact")!;
        var contactByGeneral = (await CallAsync(client, "contact.get", new XElement("contact", new XElement("general", pf.Contacts[3].General)))).Root.Element("contact")!;
        var user = (await CallAsync(client, "user.get", Id("user", pf.Users[1].Id))).Root.Element("user")!;

        Assert.Equal((10, "10"), (projects.Elements("project").Count(), projects.Attribute("totalCount")!.Value));
        Assert.Equal((25, "40"), (contacts.Elements("contact").Count(), contacts.Attribute("totalCount")!.Value));
        Assert.Equal((8, "8"), (users.Elements("user").Count(), users.Attribute("totalCount")!.Value));
        Assert.Equal(pf.Projects[2].Title, project.Element("title")!.Value);
        Assert.NotNull(project.Element("description"));
        Assert.NotNull(project.Element("owner")!.Element("name"));
        Assert.Contains(project.Element("status")!.Value, new[] { "ACTIVE", "DRAFT", "COMPLETED" });
        Assert.Equal(contact.ToString(), contactByGeneral.ToString());
        var ids = new[] { "id", "userid", "general" }.Select(n => contact.Element(n)!.Value).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        foreach (var name in new[] { "name", "lastName", "email" }) Assert.NotNull(contact.Element(name));
        Assert.Equal(pf.Contacts[3].Phones.Select(p => p.Number), contact.Element("phones")!.Elements("phone").Select(p => p.Element("number")!.Value));
        Assert.Equal(pf.Users[1].Name, user.Element("name")!.Value);
        Assert.Equal(pf.Users[1].LastName, user.Element("lastName")!.Value);
        // A real answer says status (ACTIVE/UNACTIVE) and isActivated; there is no <active>.
        Assert.Equal(pf.Users[1].Active ? "ACTIVE" : "UNACTIVE", user.Element("status")!.Value);
        Assert.Equal(pf.Users[1].Active ? "1" : "0", user.Element("isActivated")!.Value);
        Assert.Contains(pf.Users, u => !u.Active);
        Assert.NotNull(user.Element("email"));

        (await CallAsync(client, "project.get", Id("project", 1))).AssertError("2001");
        (await CallAsync(client, "project.get")).AssertError("0009");
        (await CallAsync(client, "contact.get", Id("contact", 1))).AssertError("8002");
        (await CallAsync(client, "user.get", Id("user", 1))).AssertError("0013");
    }

    [Fact]
    public async Task Actions_of_a_task_list_with_paging_and_need_an_existing_task()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var task = server.PlanFix.Tasks.First(t => server.PlanFix.ActionsOf(t.Id).Count >= 3);
        var expected = server.PlanFix.ActionsOf(task.Id);

        var all = (await CallAsync(client, "action.getList", Id("task", task.Id))).List("actions");
        var second = (await CallAsync(client, "action.getList", Id("task", task.Id), new XElement("pageCurrent", 2), new XElement("pageSize", 2))).List("actions");

        // Newest first: the reference's default sort is desc.
        var newestFirst = expected.Reverse().ToList();
        Assert.Equal(newestFirst.Select(a => a.Id), all.Elements("action").Select(a => Long(a, "id")));
        Assert.Equal(expected.Count.ToString(), all.Attribute("totalCount")!.Value);
        Assert.Equal(newestFirst.Skip(2).Take(2).Select(a => a.Id), second.Elements("action").Select(a => Long(a, "id")));
        var ascending = (await CallAsync(client, "action.getList", Id("task", task.Id), new XElement("sort", "asc"))).List("actions");
        Assert.Equal(expected.Select(a => a.Id), ascending.Elements("action").Select(a => Long(a, "id")));
        var first = all.Elements("action").First();
        Assert.Matches(DateTimePattern, first.Element("dateTime")!.Value);
        Assert.Equal(task.Id, Long(first.Element("task")!, "id"));
        Assert.NotNull(first.Element("owner")!.Element("name"));
        Assert.False(string.IsNullOrEmpty(first.Element("description")!.Value));
        Assert.All(server.PlanFix.Tasks, t => Assert.InRange(server.PlanFix.ActionsOf(t.Id).Count, 0, 5));
        (await CallAsync(client, "action.getList")).AssertError("0009");
        (await CallAsync(client, "action.getList", Id("task", 7))).AssertError("3001");
    }

    [Fact]
    public async Task Unknown_methods_are_0008_counted_under_their_own_key()
    {
        await using var server = await StartAsync();
        using var client = Client(server);

        (await CallAsync(client, "task.fly")).AssertError("0008");
        (await CallAsync(client, "handbook.deleteRecord")).AssertError("0008");
        (await PostRawAsync(client, "<request><account>demo</account></request>")).AssertError("0008");

        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.Method("task.fly")));
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.Unparsed));
    }

    [Theory]
    [InlineData("<request method=\"task.getList\"><account>demo</account>")]
    [InlineData("not xml at all")]
    [InlineData("<other method=\"task.getList\"><account>demo</account></other>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE request [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><request method=\"task.getList\"><account>&x;</account></request>")]
    [InlineData("<!DOCTYPE request [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]><request method=\"task.getList\"><account>demo</account><x>&b;</x></request>")]
    [InlineData("")]
    public async Task Unparseable_bodies_and_any_dtd_are_0003(string body)
    {
        await using var server = await StartAsync();
        using var client = Client(server);

        var answer = await PostRawAsync(client, body);

        answer.AssertError("0003");
        Assert.DoesNotContain("root:", answer.Body);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_another_seed_other_data()
    {
        await using var a = await StartAsync();
        await using var b = await StartAsync();
        await using var c = await StartAsync(o => o.Seed = 7);

        static string Shape(EmulatorServer s) => string.Join("|", s.PlanFix.Tasks.Select(t =>
            $"{t.Id},{t.General},{t.Title},{t.Importance},{t.Status},{t.OwnerId},{t.ProjectId},{string.Join('+', t.WorkerIds)},{t.CustomData.Count}"))
            + string.Join("|", s.PlanFix.Contacts.Select(x => x.FullName + x.Phone)) + string.Join("|", s.PlanFix.Users.Select(u => u.FullName));

        Assert.Equal(Shape(a), Shape(b));
        Assert.NotEqual(Shape(a), Shape(c));
        Assert.Equal(250, a.PlanFix.Tasks.Count);
        Assert.Equal((10, 40, 8), (a.PlanFix.Projects.Count, a.PlanFix.Contacts.Count, a.PlanFix.Users.Count));
        Assert.InRange(a.PlanFix.Tasks.Max(t => t.BeginDateTime), a.PlanFix.StartedAt.AddDays(-91), a.PlanFix.StartedAt);
    }
}
