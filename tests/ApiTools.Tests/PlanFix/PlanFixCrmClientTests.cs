using ApiTools.Emulator;
using ApiTools.Errors;
using ApiTools.Paging;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;
using ApiTools.Tests.Support;
using static ApiTools.Tests.PlanFix.PlanFixTest;

namespace ApiTools.Tests.PlanFix;

/// <summary>PlanFix as a CRM through the client, against the emulator: contacts, projects and custom fields by name,
/// statuses by name, the task list's filters, and task.update sent whole.</summary>
public class PlanFixCrmClientTests
{
    [Fact]
    public async Task A_contact_is_added_with_custom_fields_by_name_and_changed_by_one_update()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var added = await client.AddContactAsync(new PlanFixContactDraft
        {
            Name = "Пётр", LastName = "Сидоров", Email = "petr@example.ru", Phones = new[] { "+7 900 111-22-33" },
            CustomFields = new PlanFixCustomValues { { "ИНН", "7701234567" }, { "Источник", "Сайт" }, { "Сумма сделки", 1500 } },
        });
        await client.SetContactAsync(new PlanFixContactDraft { Id = added.Id, Post = "Директор", CustomFields = new PlanFixCustomValues { { "203", 2500m } } });
        var read = await client.GetContactAsync(added.Id);

        Assert.Equal(("Пётр", "Сидоров", "petr@example.ru"), (read.Name, read.LastName, read.Email));
        Assert.Equal("Директор", read.Post);
        Assert.Equal("+7 900 111-22-33", read.Phones.ToString());
        Assert.Equal(("7701234567", "Сайт"), (read.CustomFields["ИНН"]!.Value, read.CustomFields["Источник"]!.Value));
        Assert.Equal(("2500", "2 500 ₽", 203L), (read.CustomFields["Сумма сделки"]!.Value, read.CustomFields["Сумма сделки"]!.Text, read.CustomFields["Сумма сделки"]!.FieldId));
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.ContactAdd));
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.ContactUpdate));
    }

    [Fact]
    public async Task An_unknown_field_name_is_an_error_naming_it_and_nothing_is_sent()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.AddContactAsync(new PlanFixContactDraft
        {
            Name = "X", CustomFields = new PlanFixCustomValues { { "Сумма сдлеки", 1 } },
        }));

        Assert.Contains("'Сумма сдлеки'", error.Message);
        Assert.Contains("Сумма сделки", error.Message); // the fields there are, to spot the typo
        Assert.Equal(0, server.Requests.Count(PlanFixRouteKeys.ContactAdd));
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.ContactGetList)); // templates, then the first page: one look, once
    }

    [Fact]
    public async Task A_value_PlanFix_refuses_is_an_error_naming_the_field_and_the_value()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var task = server.PlanFix.Tasks[0];

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => client.SetTaskAsync(task.Id, new PlanFixTaskDraft
        {
            CustomFields = new PlanFixCustomValues { { "Источник", "Газета" } },
        }));

        Assert.Equal("0015", error.ErrorCode);
        Assert.Contains("'Источник' (field 102) = 'Газета'", error.Message);
        Assert.Equal("Источник", Assert.Single(error.Violations).Subject);
    }

    [Fact]
    public async Task Contacts_list_by_search_email_phone_group_and_custom_field_values()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var contacts = server.PlanFix.Contacts;
        var one = contacts[7];

        var bySearch = await client.GetContactsAsync(new PlanFixContactQuery { Search = one.LastName }).ToListAsync();
        var byEmail = await client.GetContactsAsync(new PlanFixContactQuery { Email = one.Email }).ToListAsync();
        var byPhone = await client.GetContactsAsync(new PlanFixContactQuery { Phone = one.Phone }).ToListAsync();
        var companies = await client.GetContactsAsync(new PlanFixContactQuery { Target = "Company" }).ToListAsync();
        var fromSite = await client.GetContactsAsync(new PlanFixContactQuery { CustomFields = new PlanFixCustomValues { { "Источник", "Сайт" } } }).ToListAsync();
        var vip = await client.GetContactsAsync(new PlanFixContactQuery { CustomFields = new PlanFixCustomValues { { "VIP", true } } }).ToListAsync();
        var byGeneral = await client.GetContactByGeneralAsync(one.General);

        Assert.Equal(contacts.Where(c => c.LastName.Contains(one.LastName) || c.Name.Contains(one.LastName)).Select(c => c.Id), bySearch.Select(c => c.Id));
        Assert.Equal(new[] { one.Id }, byEmail.Select(c => c.Id));
        Assert.Contains(one.Id, byPhone.Select(c => c.Id));
        Assert.All(companies, c => Assert.True(c.IsCompany));
        Assert.Equal(contacts.Count(c => c.IsCompany), companies.Count);
        Assert.Equal(contacts.Count(c => c.CustomData!.Any(v => v.FieldId == 202 && v.Value == "Сайт")), fromSite.Count);
        Assert.All(vip, c => Assert.Equal("1", c.CustomFields["VIP"]!.Value));
        Assert.NotEmpty(vip);
        Assert.Equal(one.Id, byGeneral.Id);
    }

    [Fact]
    public async Task Projects_are_added_and_updated_keeping_what_is_not_sent()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);

        var added = await client.AddProjectAsync(new PlanFixProjectDraft
        {
            Title = "Проект X", Description = "Описание", Status = "DRAFT", EndDate = new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(3)),
            CustomFields = new PlanFixCustomValues { { "Бюджет", 100000 } },
        });
        var changed = await client.UpdateProjectAsync(new PlanFixProjectDraft { Id = added.Id, Status = "ACTIVE" });

        Assert.Equal(("Проект X", "Описание", "ACTIVE"), (changed.Title, changed.Description, changed.Status));
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(3)), changed.EndDate);
        Assert.Equal("100000", changed.CustomFields["Бюджет"]!.Value);
    }

    [Fact]
    public async Task Task_update_sends_the_task_whole_so_nothing_is_reset_and_sends_nothing_when_nothing_changes()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var original = server.PlanFix.Tasks.First(t => t.WorkerIds.Count > 0 && t.WorkerGroupIds.Count > 0 && t.CustomData.Any(c => c.Value.Length > 1) && t.EndTime is not null);

        var sent = await client.SetTaskAsync(original.Id, new PlanFixTaskDraft { Title = "Новое название" });
        var after = server.PlanFix.FindTask(original.Id)!;
        var again = await client.SetTaskAsync(original.Id, new PlanFixTaskDraft { Title = "Новое название" });

        Assert.True(sent);
        Assert.Equal("Новое название", after.Title);
        // The emulator resets whatever task.update is not sent, as the reference says: all of it came back whole.
        Assert.Equal((original.Description, original.Importance, original.Status, original.OwnerId, original.ProjectId, original.ClientId),
            (after.Description, after.Importance, after.Status, after.OwnerId, after.ProjectId, after.ClientId));
        Assert.Equal(original.WorkerIds, after.WorkerIds);
        Assert.Equal(original.WorkerGroupIds, after.WorkerGroupIds);
        Assert.Equal(original.CustomData.Select(c => (c.FieldId, c.Value)), after.CustomData.Select(c => (c.FieldId, c.Value)));
        Assert.Equal((original.EndTime, original.EndTimeHasTime, original.StartTime), (after.EndTime, after.EndTimeHasTime, after.StartTime));
        Assert.False(again);
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskUpdate));
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.TaskGet));
    }

    [Fact]
    public async Task A_status_by_name_goes_through_task_changeStatus_and_tasks_show_their_status_names()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var task = server.PlanFix.Tasks.First(t => t.StatusSet == 1 && t.Status == 1);

        await client.SetTaskAsync(task.Id, new PlanFixTaskDraft { Status = "Отложенная" });
        var read = await client.GetTaskAsync(task.Id);
        var unknown = await Assert.ThrowsAsync<ApiValidationException>(() => client.SetTaskAsync(task.Id, new PlanFixTaskDraft { Status = "Забытая" }));
        var inWork = await client.GetTasksAsync(new PlanFixTaskQuery { Status = "В работе" }).ToListAsync();

        Assert.Equal((4, "Отложенная"), (read.Status, read.StatusName));
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskChangeStatus));
        Assert.Equal(0, server.Requests.Count(PlanFixRouteKeys.TaskUpdate));
        Assert.Contains("'Забытая'", unknown.Message);
        Assert.Contains("Отложенная", unknown.Message);
        Assert.Equal(server.PlanFix.Tasks.Count(t => t.Status == 2), inWork.Count);
        Assert.All(inWork, t => Assert.Equal("В работе", t.StatusName));
        // The status sets are read once per connection, however many tasks and commands follow.
        Assert.Equal(1, server.Requests.Count(PlanFixRouteKeys.TaskStatusSetList));
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.TaskStatusListOfSet));
        await TokenClient(server).GetTaskAsync(task.Id); // another connection reads them again
        await new ApiTools.PlanFix.PlanFixClient(client.Connection).GetTaskAsync(task.Id); // the same connection does not
        Assert.Equal(2, server.Requests.Count(PlanFixRouteKeys.TaskStatusSetList));
    }

    [Fact]
    public async Task The_task_list_filters_by_owner_worker_dates_and_custom_fields_and_sorts()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var tasks = server.PlanFix.Tasks;
        var owner = tasks[4].OwnerId;
        var worker = tasks.First(t => t.WorkerIds.Count > 0).WorkerIds[0];
        var now = DateTimeOffset.UtcNow;

        var byOwner = await client.GetTasksAsync(new PlanFixTaskQuery { OwnerId = owner }).ToListAsync();
        var byWorker = await client.GetTasksAsync(new PlanFixTaskQuery { WorkerId = worker }).ToListAsync();
        var recent = await client.GetTasksAsync(new PlanFixTaskQuery { CreatedAfter = now.AddDays(-10) }).ToListAsync();
        var bigDeals = await client.GetTasksAsync(new PlanFixTaskQuery { CustomFields = new PlanFixCustomValues { { "Сумма сделки", 1000L } } }).ToListAsync();
        var fromSite = await client.GetTasksAsync(new PlanFixTaskQuery { CustomFields = new PlanFixCustomValues { { "Источник", "Сайт" } } }).ToListAsync();
        var byTitle = await client.GetTasksAsync(new PlanFixTaskQuery { Sort = "TASKTITLE_DESC" }).ToListAsync();

        Assert.Equal(tasks.Where(t => t.OwnerId == owner).Select(t => t.Id).OrderBy(i => i), byOwner.Select(t => t.Id).OrderBy(i => i));
        Assert.Equal(tasks.Count(t => t.WorkerIds.Contains(worker)), byWorker.Count);
        var moscow = TimeSpan.FromHours(3);
        Assert.Equal(tasks.Count(t => t.BeginDateTime.Date > now.ToOffset(moscow).AddDays(-10).Date), recent.Count);
        Assert.Empty(bigDeals); // equal 1000: no deal is that small
        Assert.Equal(tasks.Count(t => t.CustomData.Any(c => c.FieldId == 102 && c.Value == "Сайт")), fromSite.Count);
        Assert.Equal(byTitle.Select(t => t.Title).OrderByDescending(t => t, StringComparer.Ordinal), byTitle.Select(t => t.Title));
    }

    [Fact]
    public async Task Worker_groups_come_with_the_workers_and_an_actions_task_title_with_it()
    {
        await using var server = await StartAsync();
        var client = TokenClient(server);
        var seeded = server.PlanFix.Tasks.First(t => t.WorkerGroupIds.Count > 0 && t.WorkerIds.Count > 0);

        var task = await client.GetTaskAsync(seeded.Id);
        var actions = await client.GetActionsAsync(seeded.Id).ToListAsync();
        var users = await client.GetUsersAsync().ToListAsync();

        Assert.Equal(seeded.WorkerGroupIds.Select(i => i.ToString()), task.WorkerGroupIds);
        Assert.Contains(task.WorkerGroups[0], task.Workers);
        Assert.Equal(seeded.WorkerIds.Count + seeded.WorkerGroupIds.Count, task.Workers.Count);
        Assert.All(actions, a => Assert.Equal(seeded.Title, a.TaskTitle));
        Assert.Equal(server.PlanFix.Users.Select(u => (bool?)u.Active), users.Select(u => u.Active));
        Assert.Contains(users, u => u.Active == false);
    }

    [Fact]
    public async Task Custom_fields_keep_id_value_and_text_and_print_as_name_value_pairs()
    {
        await using var server = await StartAsync();
        var task = await TokenClient(server).GetTaskAsync(server.PlanFix.Tasks[0].Id);

        var deal = task.CustomFields["Сумма сделки"]!;
        Assert.Equal(101, deal.FieldId);
        Assert.Matches(@"^\d+$", deal.Value);
        Assert.EndsWith("₽", deal.Text);
        Assert.Contains($"Сумма сделки={deal.Value}", task.CustomFields.ToString());
        var pairs = PlanFixCustomFields.Parse(task.CustomFields.ToString());
        Assert.Equal(task.CustomFields.Select(f => (f.Name, f.Value)), pairs.Select(p => ((string?)p.Key, (string?)p.Value)));
    }
}
