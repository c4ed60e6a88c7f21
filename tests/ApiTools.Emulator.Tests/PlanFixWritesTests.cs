using System.Xml.Linq;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.PlanFixHttp;

namespace ApiTools.Emulator.Tests;

public sealed class PlanFixWritesTests
{
    [Fact]
    public async Task Task_add_returns_id_and_general_and_the_task_reads_back_everywhere()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var pf = server.PlanFix;
        var project = pf.Projects[0];
        var before = pf.Tasks.Count;

        var added = await CallAsync(client, "task.add", new XElement("task",
            new XElement("title", "Купить бумагу & картриджи <срочно>"),
            new XElement("description", "<p>Для <b>офиса</b></p>"),
            new XElement("importance", "HIGH"),
            new XElement("status", 2),
            Id("owner", pf.Users[2].Id),
            Id("project", project.Id),
            new XElement("workers", new XElement("users", new XElement("id", pf.Users[3].Id), new XElement("id", pf.Users[4].Id))),
            new XElement("endTime", "25-11-2030 14:30")));
        added.AssertOk();
        var id = long.Parse(added.Root.Element("task")!.Element("id")!.Value);
        var general = long.Parse(added.Root.Element("task")!.Element("general")!.Value);

        var task = (await CallAsync(client, "task.get", Id("task", id))).Root.Element("task")!;
        var list = (await CallAsync(client, "task.getList", PageParams(3))).List("tasks");
        var inProject = (await CallAsync(client, "task.getList", Id("project", project.Id))).List("tasks");

        Assert.Equal(general.ToString(), task.Element("general")!.Value);
        Assert.Equal("Купить бумагу & картриджи <срочно>", task.Element("title")!.Value);
        Assert.Equal("<p>Для <b>офиса</b></p>", task.Element("description")!.Value);
        Assert.Equal("HIGH", task.Element("importance")!.Value);
        Assert.Equal("2", task.Element("status")!.Value);
        Assert.Equal(pf.Users[2].Id.ToString(), task.Element("owner")!.Element("id")!.Value);
        Assert.Equal(project.Title, task.Element("project")!.Element("title")!.Value);
        Assert.Equal([pf.Users[3].Id.ToString(), pf.Users[4].Id.ToString()],
            task.Element("workers")!.Element("users")!.Elements("user").Select(u => u.Element("id")!.Value));
        Assert.Equal("25-11-2030 14:30", task.Element("endTime")!.Value);
        Assert.Matches(DateTimePattern, task.Element("beginDateTime")!.Value);
        Assert.Equal((before + 1).ToString(), list.Attribute("totalCount")!.Value);
        Assert.Equal(id.ToString(), list.Elements("task").Last().Element("id")!.Value);
        Assert.Contains(inProject.Elements("task"), t => t.Element("id")!.Value == id.ToString());
        Assert.Equal(before + 1, pf.Tasks.Count);
        Assert.Equal("Купить бумагу & картриджи <срочно>", pf.FindTask(id)!.Title);
        Assert.Equal(id, pf.FindTaskByGeneral(general)!.Id);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskAdd));
    }

    [Fact]
    public async Task Task_add_defaults_owner_to_the_caller_and_refuses_bad_fields()
    {
        await using var server = await StartAsync();
        using var second = Client(server, ApiKey, "planfix-demo-token-2");
        var before = server.PlanFix.Tasks.Count;

        var plain = await CallAsync(second, "task.add", new XElement("task", new XElement("title", "Позвонить"), new XElement("endTime", "01-02-2031")));
        plain.AssertOk();
        var stored = server.PlanFix.FindTask(long.Parse(plain.Root.Element("task")!.Element("id")!.Value))!;

        Assert.Equal(server.PlanFix.Users[1].Id, stored.OwnerId);
        Assert.Equal("AVERAGE", stored.Importance);
        Assert.Equal(1, stored.Status);
        Assert.False(stored.EndTimeHasTime);
        (await CallAsync(second, "task.add", new XElement("task"))).AssertError("0009");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "  ")))).AssertError("0009");
        (await CallAsync(second, "task.add")).AssertError("0009");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "x"), new XElement("importance", "URGENT")))).AssertError("0015");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "x"), Id("owner", 1)))).AssertError("0013");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "x"), Id("project", 1)))).AssertError("2001");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "x"),
            new XElement("workers", new XElement("users", new XElement("id", 5)))))).AssertError("0013");
        (await CallAsync(second, "task.add", new XElement("task", new XElement("title", "x"), new XElement("endTime", "2031-02-01")))).AssertError("0015");
        Assert.Equal(before + 1, server.PlanFix.Tasks.Count);
    }

    [Fact]
    public async Task Task_update_resets_what_it_is_not_sent_and_refuses_unknown_tasks()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var original = server.PlanFix.Tasks.First(t => t.WorkerIds.Count > 0 && t.Description.Length > 0 && t.Status != 3 && t.StatusSet == 1);

        // The reference: "Не указанные параметры (за исключением id) заменяются значениями по умолчанию".
        var updated = await CallAsync(client, "task.update", new XElement("task", new XElement("id", original.Id),
            new XElement("title", "Новое название"), new XElement("status", 3)));
        var again = await CallAsync(client, "task.update", new XElement("task", new XElement("id", original.Id),
            new XElement("title", "Новое название"), new XElement("status", 3)));
        var read = (await CallAsync(client, "task.get", Id("task", original.Id))).Root.Element("task")!;
        var refused = await CallAsync(client, "task.update", new XElement("task", new XElement("id", original.Id),
            new XElement("title", "Ещё одно"), new XElement("importance", "WHENEVER")));

        updated.AssertOk();
        again.AssertOk();
        Assert.Equal(original.Id.ToString(), updated.Root.Element("task")!.Element("id")!.Value);
        Assert.Equal("Новое название", read.Element("title")!.Value);
        Assert.Equal("3", read.Element("status")!.Value);
        Assert.Equal("", read.Element("description")!.Value);
        Assert.Empty(read.Element("workers")!.Element("users")!.Elements());
        var stored = server.PlanFix.FindTask(original.Id)!;
        Assert.Equal((original.General, original.BeginDateTime, "AVERAGE"), (stored.General, stored.BeginDateTime, stored.Importance));
        refused.AssertError("0015");
        Assert.Equal("Новое название", server.PlanFix.FindTask(original.Id)!.Title);
        (await CallAsync(client, "task.update", new XElement("task", new XElement("id", 3), new XElement("title", "x")))).AssertError("3001");
        (await CallAsync(client, "task.update", new XElement("task", new XElement("title", "x")))).AssertError("0009");
    }

    [Fact]
    public async Task Action_add_appears_in_action_get_list_and_needs_a_description_and_an_existing_task()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var task = server.PlanFix.Tasks[7];
        var before = server.PlanFix.ActionsOf(task.Id).Count;

        var added = await CallAsync(client, "action.add", new XElement("action",
            new XElement("description", "<p>Комментарий из теста</p>"), Id("task", task.Id)));
        added.AssertOk();
        var id = added.Root.Element("action")!.Element("id")!.Value;
        var list = (await CallAsync(client, "action.getList", Id("task", task.Id))).List("actions");

        var last = list.Elements("action").First(); // newest first
        Assert.Equal(id, last.Element("id")!.Value);
        Assert.Equal("<p>Комментарий из теста</p>", last.Element("description")!.Value);
        Assert.Equal(server.PlanFix.Users[0].Id.ToString(), last.Element("owner")!.Element("id")!.Value);
        Assert.Matches(DateTimePattern, last.Element("dateTime")!.Value);
        Assert.Equal((before + 1).ToString(), list.Attribute("totalCount")!.Value);
        Assert.Equal(before + 1, server.PlanFix.ActionsOf(task.Id).Count);
        Assert.DoesNotContain(server.PlanFix.Tasks.Where(t => t.Id != task.Id).SelectMany(t => server.PlanFix.ActionsOf(t.Id)), a => a.Id.ToString() == id);
        (await CallAsync(client, "action.add", new XElement("action", Id("task", task.Id)))).AssertError("0009");
        (await CallAsync(client, "action.add", new XElement("action", new XElement("description", "x")))).AssertError("0009");
        (await CallAsync(client, "action.add", new XElement("action", new XElement("description", "x"), Id("task", 9)))).AssertError("3001");
    }

    [Fact]
    public async Task Reset_puts_tasks_and_actions_back_to_the_seed()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var seed = server.PlanFix.Tasks;
        var task = seed[0];

        (await CallAsync(client, "task.add", new XElement("task", new XElement("title", "Временная")))).AssertOk();
        (await CallAsync(client, "task.update", new XElement("task", new XElement("id", task.Id), new XElement("title", "Изменена")))).AssertOk();
        (await CallAsync(client, "action.add", new XElement("action", new XElement("description", "x"), Id("task", task.Id)))).AssertOk();
        var actions = server.PlanFix.ActionsOf(task.Id).Count;
        server.Reset();

        Assert.Equal(seed, server.PlanFix.Tasks);
        Assert.Equal(actions - 1, server.PlanFix.ActionsOf(task.Id).Count);
        Assert.Equal(server.Settings.PlanFixDailyQuota, server.PlanFix.QuotaLeft);
    }
}
