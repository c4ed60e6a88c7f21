using System.Xml.Linq;
using ApiTools.Errors;
using ApiTools.PlanFix;
using ApiTools.PlanFix.Models;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>
/// Every folder of tests/contract/planfix replayed through the client: each published item comes out, in order, and
/// every leaf of it lands in a typed property or in Extra (structured, one line in a CSV cell). The reference's
/// skeletons are mostly empty; the answers recorded from a real account (planfix-go) carry the data.
/// </summary>
public class PlanFixReplayTests
{
    public static TheoryData<string> Tasks() => Corpus.Cases("planfix", "task.get");
    public static TheoryData<string> TaskLists() => Corpus.Cases("planfix", "task.getList");
    public static TheoryData<string> Actions() => Corpus.Cases("planfix", "action.get");
    public static TheoryData<string> ActionLists() => Corpus.Cases("planfix", "action.getList");
    public static TheoryData<string> Projects() => Corpus.Cases("planfix", "project.get");
    public static TheoryData<string> ProjectLists() => Corpus.Cases("planfix", "project.getList");
    public static TheoryData<string> Users() => Corpus.Cases("planfix", "user.get");
    public static TheoryData<string> UserLists() => Corpus.Cases("planfix", "user.getList");
    public static TheoryData<string> Analitics() => Corpus.Cases("planfix", "analitic.getList");
    public static TheoryData<string> AnaliticOptions() => Corpus.Cases("planfix", "analitic.getOptions");
    public static TheoryData<string> Handbooks() => Corpus.Cases("planfix", "handbook.getList");
    public static TheoryData<string> Structures() => Corpus.Cases("planfix", "handbook.getStructure");
    public static TheoryData<string> Records() => Corpus.Cases("planfix", "handbook.getRecords", "handbook.getRecordMulti");
    public static TheoryData<string> Files() => Corpus.Cases("planfix", "file.getListForTask");
    public static TheoryData<string> StatusSets() => Corpus.Cases("planfix", "taskStatus.getListOfSet");
    public static TheoryData<string> Untyped() =>
        Corpus.Cases("planfix", "analitic.getData", "analitic.getHandbook", "contact.getPhoneTypes", "task.getMulti", "task.getPossibleStatusToChange");

    [Theory]
    [MemberData(nameof(Tasks))]
    public async Task Tasks_read_whole(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("task.get", payload));
        var task = await client.GetTaskAsync(1);
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "task").Single()), task, file);
        if (file.Contains("planfix-go", StringComparison.Ordinal))
        {
            // The real answer: a worker group and a user, custom fields with both value and text, dates in the zone.
            Assert.Equal(new[] { "Станислав Попов", "Программисты" }, task.Workers);
            Assert.Equal(new[] { "4717" }, task.WorkerGroupIds);
            Assert.Equal(("548", "548 мин"), (task.CustomFields["Выработка, мин"]!.Value, task.CustomFields["Выработка, мин"]!.Text));
            Assert.Equal(72, task.CustomFields["Выработка, мин"]!.FieldId);
            Assert.Equal(("0", "Нет"), (task.CustomFields[46.ToString()]!.Value, task.CustomFields["46"]!.Text));
            Assert.Equal(new DateTimeOffset(2018, 2, 3, 17, 9, 0, TimeSpan.FromHours(3)), task.BeginDateTime);
            Assert.Equal("4717", ((PlanFixExtra)((PlanFixExtra)((PlanFixExtra)task.Extra["members"]!)["groups"]!)["group"]!)["id"]);
            AssertOneLine(task);
        }
    }

    [Theory]
    [MemberData(nameof(TaskLists))]
    public async Task Task_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("task.getList", payload));
        var tasks = await client.GetTasksAsync().ToListAsync();
        AssertItemsLand(payload, "task", tasks, file);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Actions_read_whole_with_their_task_title(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("action.get", payload));
        var action = await client.GetActionAsync(1);
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "action").Single()), action, file);
        if (file.Contains("planfix-go", StringComparison.Ordinal)) Assert.Equal("Интеграция с toggl", action.TaskTitle);
        AssertOneLine(action);
    }

    [Theory]
    [MemberData(nameof(ActionLists))]
    public async Task Action_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("action.getList", payload));
        var actions = await client.GetActionsAsync(1128468).ToListAsync();
        AssertItemsLand(payload, "action", actions, file);
        if (file.Contains("planfix-go", StringComparison.Ordinal))
        {
            Assert.Equal(31, actions.Count);
            Assert.All(actions, a => Assert.Equal("Интеграция с toggl", a.TaskTitle));
            var withAnalitic = actions.First(a => a.Extra.ContainsKey("analitics"));
            Assert.Equal("611423", ((PlanFixExtra)((PlanFixExtra)withAnalitic.Extra["analitics"]!)["analitic"]!)["key"]);
        }
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Projects_read_whole(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("project.get", payload));
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "project").Single()), await client.GetProjectAsync(1), file);
    }

    [Theory]
    [MemberData(nameof(ProjectLists))]
    public async Task Project_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("project.getList", payload));
        AssertItemsLand(payload, "project", await client.GetProjectsAsync().ToListAsync(), file);
    }

    [Fact]
    public async Task Contacts_of_the_reference_read_whole_once_its_unclosed_tags_are_closed()
    {
        foreach (var (folder, method) in new[] { ("contact.get", "contact.get"), ("contact.getList", "contact.getList") })
        {
            var file = Directory.GetFiles(Path.Combine(Corpus.Root, "planfix", folder), "*.response.xmlish").Single();
            var payload = PlanFixReplay.Repaired(File.ReadAllText(file));
            var (client, _) = PlanFixReplay.With(null, (method, payload));
            var contacts = method == "contact.get" ? new List<PlanFixContact> { await client.GetContactAsync(1) } : await client.GetContactsAsync().ToListAsync();
            AssertItemsLand(payload, "contact", contacts, file);
        }
    }

    [Fact]
    public async Task A_contact_answer_that_is_not_XML_is_a_protocol_error_named_and_not_retried()
    {
        var file = Directory.GetFiles(Path.Combine(Corpus.Root, "planfix", "contact.get"), "*.response.xmlish").Single();
        var (client, handler) = PlanFixReplay.With(null, ("contact.get", File.ReadAllText(file)));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetContactAsync(1));

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Contains("contact.get", error.Message);
        Assert.Contains("line", error.Message);
        Assert.Single(handler.Requests); // the same bytes would come again
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Users_read_whole_and_active_from_their_status(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("user.get", payload));
        var user = await client.GetUserAsync(1);
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "user").Single()), user, file);
        Assert.Equal(("ACTIVE", true), (user.Status, user.Active));
    }

    [Fact]
    public async Task The_reference_user_skeleton_reads_once_its_unclosed_tags_are_closed()
    {
        var file = Directory.GetFiles(Path.Combine(Corpus.Root, "planfix", "user.get"), "*.response.xmlish").Single();
        var payload = PlanFixReplay.Repaired(File.ReadAllText(file));
        var (client, _) = PlanFixReplay.With(null, ("user.get", payload));
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "user").Single()), await client.GetUserAsync(1), file);
    }

    [Theory]
    [MemberData(nameof(UserLists))]
    public async Task User_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("user.getList", payload));
        var users = await client.GetUsersAsync().ToListAsync();
        AssertItemsLand(payload, "user", users, file);
        if (file.Contains("planfix-go", StringComparison.Ordinal)) Assert.All(users, u => Assert.True(u.Active));
    }

    [Theory]
    [MemberData(nameof(Analitics))]
    public async Task Analitic_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("analitic.getList", payload));
        AssertItemsLand(payload, "analitic", await client.GetAnaliticsAsync(), file);
    }

    [Theory]
    [MemberData(nameof(AnaliticOptions))]
    public async Task Analitic_options_read_with_their_fields(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("analitic.getOptions", payload));
        var analitic = await client.GetAnaliticAsync(263);
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "analitic").Single()), analitic, file);
        if (file.Contains("planfix-go", StringComparison.Ordinal))
        {
            Assert.Equal(6, analitic.Fields.Count);
            Assert.Equal(("HANDBOOK", 131L), (analitic.Fields["Вид работы"]!.Type, analitic.Fields["Вид работы"]!.HandbookId!.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Handbooks))]
    public async Task Handbook_lists_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("handbook.getList", payload));
        AssertItemsLand(payload, "handbook", await client.GetHandbooksAsync(), file);
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public async Task Handbook_structures_read_with_their_fields(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("handbook.getStructure", payload));
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "handbook").Single()), await client.GetHandbookAsync(7), file);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public async Task Handbook_records_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var structure = Corpus.Read("planfix/handbook.getStructure/planfix-docs.response.xml");
        var (client, _) = PlanFixReplay.With(null, ("handbook.getStructure", structure), ("handbook.getRecords", payload), ("handbook.getRecordMulti", payload));
        var records = file.Contains("Multi", StringComparison.Ordinal)
            ? (await client.GetHandbookRecordsByKeyAsync("7", new long[] { 1, 2 })).ToList()
            : await client.GetHandbookRecordsAsync("7").ToListAsync();
        AssertItemsLand(payload, "record", records, file);
    }

    [Fact]
    public async Task One_handbook_record_reads_whole()
    {
        var payload = Corpus.Read("planfix/handbook.getRecord/planfix-docs.response.xml");
        var (client, _) = PlanFixReplay.With(null, ("handbook.getStructure", Corpus.Read("planfix/handbook.getStructure/planfix-docs.response.xml")),
            ("handbook.getRecord", payload), ("handbook.updateRecord", "<response status=\"ok\"><key>5</key></response>"));
        var record = await client.UpdateHandbookRecordAsync("7", new ApiTools.PlanFix.Requests.PlanFixHandbookRecordDraft { Key = 5 }, readBack: true);
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "record").Single()), record, "handbook.getRecord");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Task_files_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var (client, _) = PlanFixReplay.With(null, ("file.getListForTask", payload));
        AssertItemsLand(payload, "file", await client.GetTaskFilesAsync(1).ToListAsync(), file);
    }

    [Fact]
    public async Task One_file_reads_whole()
    {
        var payload = Corpus.Read("planfix/file.get/planfix-docs.response.xml");
        var (client, _) = PlanFixReplay.With(null, ("file.get", payload));
        Leaves.AssertAllLand(Leaves.Of(PlanFixReplay.Items(payload, "file").Single()), await client.GetFileAsync(1), "file.get");
    }

    [Theory]
    [MemberData(nameof(StatusSets))]
    public async Task Statuses_of_a_set_read_every_item(string file)
    {
        var payload = Corpus.Read(file);
        var sets = "<response status=\"ok\"><taskStatusSets totalCount=\"1\"><taskStatusSet><id>2</id><name>Процесс</name></taskStatusSet></taskStatusSets></response>";
        var (client, _) = PlanFixReplay.With(null, ("taskStatus.getSetList", sets), ("taskStatus.getListOfSet", payload));
        var statuses = await client.GetTaskStatusesAsync();
        AssertItemsLand(payload, "taskStatus", statuses, file);
        Assert.All(statuses, s => Assert.Equal((2L, "Процесс"), (s.StatusSetId, s.StatusSetName)));
    }

    [Fact]
    public async Task Status_set_lists_of_the_reference_read_and_an_empty_one_gives_no_statuses()
    {
        foreach (var file in Corpus.Files("planfix", "taskStatus.getSetList"))
        {
            var (client, handler) = PlanFixReplay.With(null, ("taskStatus.getSetList", File.ReadAllText(file)));
            Assert.Empty(await client.GetTaskStatusesAsync()); // the skeleton's set has no id; the empty one no set
            Assert.Single(handler.Requests);
        }
    }

    [Theory]
    [MemberData(nameof(Untyped))]
    public async Task Methods_the_module_does_not_type_come_out_whole_through_the_escape_hatch(string file)
    {
        var payload = Corpus.Read(file);
        var method = file.Split('/')[1];
        var (client, _) = PlanFixReplay.With(null, (method, payload));
        var items = await client.InvokeListAsync(method, null).ToListAsync();
        var list = XElement.Parse(payload).Elements().Single(e => e.HasElements);
        Assert.Equal(list.Elements().Count(), items.Count);
        for (var i = 0; i < items.Count; i++) Leaves.AssertAllLand(Leaves.Of(list.Elements().ElementAt(i)), items[i], $"{file} item {i}");
    }

    [Fact]
    public async Task Write_answers_of_the_reference_are_read_as_ok()
    {
        var writes = new[]
        {
            ("action.add", "action"), ("contact.add", "contact"), ("contact.update", "contact"), ("contact.updateCustomData", "contact"),
            ("project.add", "project"), ("project.update", "project"), ("task.add", "task"), ("task.update", "task"), ("task.changeStatus", "task"),
            ("task.updateCustomData", "task"), ("handbook.addRecord", "key"), ("handbook.updateRecord", "key"), ("file.upload", "files"),
        };
        foreach (var (method, element) in writes)
        {
            var (client, _) = PlanFixReplay.With(null, (method, Corpus.Read($"planfix/{method}/planfix-docs.response.xml")));
            var answer = await client.InvokeAsync(method, (object?)null);
            Assert.NotNull(answer.Element(element));
        }
        // A real action.add answer gives the id the comment then carries.
        var (real, _) = PlanFixReplay.With(null, ("action.add", Corpus.Read("planfix/action.add/planfix-go-fixture.response.xml")));
        Assert.Equal(123, (await real.AddCommentAsync(525330, "Действие")).Id);
        // A skeleton's empty id is no id: the add is reported, not taken for task 0.
        var (empty, _) = PlanFixReplay.With(null, ("task.add", Corpus.Read("planfix/task.add/planfix-docs.response.xml")));
        var error = await Assert.ThrowsAsync<ApiException>(() => empty.AddTaskAsync(new ApiTools.PlanFix.Requests.PlanFixTaskDraft { Title = "x" }));
        Assert.Contains("without <task><id>", error.Message);
    }

    [Fact]
    public async Task The_uploads_error_shape_is_read_as_an_error()
    {
        // The skeleton of file.upload's error (code, and id and name for 9006) with every value empty: an error
        // without a code. The emulator's client test fills it (9006 with the file's id and name in the message).
        var (client, _) = PlanFixReplay.With(null, ("file.upload", Corpus.Read("planfix/file.upload/planfix-docs-error.response.xml")));
        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.InvokeAsync("file.upload", (object?)null));
        Assert.Contains("file.upload failed", error.Message);
    }

    [Fact]
    public async Task Login_answers_give_the_session_the_next_call_carries_and_a_skeleton_without_a_sid_is_refused()
    {
        var sid = XElement.Parse(Corpus.Read("planfix/auth.login/planfix-go-fixture.response.xml")).Element("sid")!.Value;
        var (client, handler) = PlanFixReplay.WithLogin(null, ("auth.login", Corpus.Read("planfix/auth.login/planfix-go-fixture.response.xml")),
            ("user.get", Corpus.Read("planfix/user.get/planfix-go-fixture.response.xml")));
        await client.GetUserAsync(1);
        Assert.Contains($"<sid>{sid}</sid>", handler.Requests.Last().Body);

        var (skeleton, _) = PlanFixReplay.WithLogin(null, ("auth.login", Corpus.Read("planfix/auth.login/planfix-docs.response.xml")));
        var error = await Assert.ThrowsAsync<ApiException>(() => skeleton.GetUserAsync(1));
        Assert.Contains("without a <sid>", error.Message);
    }

    [Fact]
    public async Task Error_answers_map_by_their_code()
    {
        async Task<ApiException> Replayed(string file)
        {
            var (client, _) = PlanFixReplay.With(null, ("user.get", Corpus.Read(file)));
            return await Assert.ThrowsAnyAsync<ApiException>(() => client.GetUserAsync(1));
        }
        Assert.Equal(("0001", ApiErrorKind.Unauthorized), ((await Replayed("planfix/error/planfix_py-test-0001.response.xml")).ErrorCode, (await Replayed("planfix/error/planfix_py-test-0001.response.xml")).Kind));
        var unknown = await Replayed("planfix/error/planfix-go-fixture-unknown.response.xml");
        Assert.Equal(ApiErrorKind.ProtocolError, unknown.Kind);
        Assert.Contains("unknown error code", unknown.Message);
        var expired = await Replayed("planfix/error/planfix-go-fixture-sessionExpired.response.xml");
        Assert.Equal(("0005", ApiErrorKind.Unauthorized), (expired.ErrorCode, expired.Kind));
        var skeleton = await Replayed("planfix/error/planfix-docs.response.xml");
        Assert.Equal(ApiErrorKind.ProtocolError, skeleton.Kind); // <code></code>: no code at all
        foreach (var envelope in Corpus.Files("planfix", "_envelope"))
        {
            var (client, _) = PlanFixReplay.With(null, ("user.get", File.ReadAllText(envelope)));
            var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.GetUserAsync(1));
            Assert.Equal(ApiErrorKind.ProtocolError, error.Kind); // status="{ok|error}" is a placeholder, not an answer
        }
    }

    /// <summary>Each published item is one model, in order, and nothing of it is lost.</summary>
    private static void AssertItemsLand<T>(string payload, string element, IReadOnlyList<T> models, string file)
    {
        var items = PlanFixReplay.Items(payload, element);
        Assert.Equal(items.Count, models.Count);
        for (var i = 0; i < items.Count; i++) Leaves.AssertAllLand(Leaves.Of(items[i]), models[i], $"{file} item {i}");
        foreach (var model in models) AssertOneLine(model!);
    }

    /// <summary>What Export-Csv would write of each property stays on one line.</summary>
    private static void AssertOneLine(object model)
    {
        foreach (var property in model.GetType().GetProperties())
        {
            if (property.Name is "Description" or "Title") continue; // free text as PlanFix holds it (CSV quotes it)
            var text = property.GetValue(model)?.ToString() ?? "";
            Assert.False(text.Contains('\n') || text.Contains('\r'), $"{model.GetType().Name}.{property.Name} spans lines: {text}");
        }
    }
}
