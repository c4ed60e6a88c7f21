using System.Globalization;
using System.Text;
using ApiTools.Emulator.Evotor;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// Deterministic PlanFix data for a seed, dates relative to the start (whole minutes, PlanFix time zone).
/// Ids: users 1001+, projects 5001+2i, contacts 30001+2i (userid 50001+3i, general 701+i; the template contact is
/// 30000/700), tasks 1000001+2i (general 101+i; templates 900001+i), actions 7000001+8·ordinal+k (0–5 per task, made
/// from the task's ordinal on demand), files 60001+i (uniqueId 80001+i), handbook records by key.
/// </summary>
internal sealed class PlanFixGenerator(int seed, DateTimeOffset startedAt, TimeZoneInfo timeZone)
{
    public const long TaskIdBase = 1_000_001, TaskIdStep = 2, GeneralBase = 101, ActionIdBase = 7_000_001, ActionsPerTaskSlot = 8;
    public const long TemplateTaskIdBase = 900_001, TemplateContactId = 30_000, FileIdBase = 60_001, UniqueIdBase = 80_001;

    private const int UsersStream = 0x50F1, ProjectsStream = 0x50F2, ContactsStream = 0x50F3, TasksStream = 0x50F4, ActionsStream = 0x50F5,
        RecordsStream = 0x50F6, FilesStream = 0x50F7;

    private static readonly string[] MaleNames = ["Иван", "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Николай", "Павел"];
    private static readonly string[] MaleLastNames = ["Петров", "Кузнецов", "Волков", "Новиков", "Козлов", "Фёдоров", "Соколов", "Морозов"];
    private static readonly string[] FemaleNames = ["Мария", "Ольга", "Елена", "Наталья", "Татьяна", "Анна", "Ирина", "Светлана"];
    private static readonly string[] FemaleLastNames = ["Смирнова", "Лебедева", "Павлова", "Орлова", "Васильева", "Зайцева", "Белова", "Егорова"];
    private static readonly string[] MidNames = ["Иванович", "Петрович", "Сергеевна", "Андреевна", "Олегович", "Викторовна"];
    private static readonly string[] Companies = ["ООО «Ромашка»", "АО «Северный ветер»", "ООО «ТехноСтрой»", "ИП Сидоров", "ООО «Луч»"];
    private static readonly string[] Posts = ["Директор", "Менеджер по закупкам", "Главный бухгалтер", "Инженер", "Юрист"];
    private static readonly string[] Streets = ["ул. Ленина, 1", "пр. Мира, 15", "ул. Гагарина, 7", "наб. Фонтанки, 20"];
    private static readonly string[] ProjectTitles =
        ["Внедрение CRM", "Ремонт офиса", "Запуск интернет-магазина", "Аудит бухгалтерии", "Открытие филиала в Казани",
         "Переезд склада", "Обучение менеджеров", "Выставка «Иннопром»", "Сертификация продукции", "Обновление сайта"];
    private static readonly string[] Verbs = ["Подготовить", "Согласовать", "Проверить", "Отправить", "Обсудить", "Оформить", "Обновить", "Подписать"];
    private static readonly string[] Objects =
        ["договор поставки", "счёт для клиента", "коммерческое предложение", "отчёт за квартал", "акт сверки",
         "презентацию для партнёров", "план закупок", "заявку на оборудование"];
    private static readonly string[] Comments =
        ["Взял в работу.", "Созвонился с клиентом, ждём ответа.", "Документы отправлены на согласование.",
         "<p>Обновил смету, см. <b>вложение</b>.</p>", "Перенёс срок по просьбе клиента.", "Готово, прошу проверить."];
    private static readonly string[] FileNames = ["Договор.pdf", "Смета.xlsx", "Фото объекта.jpg", "Протокол встречи.docx", "Счёт №15.pdf"];
    private static readonly string[] WorkKinds = ["Программирование", "Тестирование", "Консультация", "Выезд к клиенту", "Настройка оборудования"];
    private static readonly string[] Goods = ["Кабель", "Коммутатор", "Маршрутизатор", "Розетка", "Патч-корд", "Сервер", "Ноутбук", "Монитор"];

    public DateTimeOffset StartedAt { get; } = startedAt;

    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <summary>The moment in the PlanFix time zone, seconds dropped.</summary>
    public DateTimeOffset Local(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone);
        return new DateTimeOffset(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute, local.Offset);
    }

    public DateTimeOffset LocalDate(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, TimeZone);
        return new DateTimeOffset(local.Date, TimeZone.GetUtcOffset(local.Date));
    }

    public IReadOnlyList<SeedPlanFixUser> Users(int count)
    {
        var users = new SeedPlanFixUser[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, UsersStream, i);
            var (first, last) = Person(ref r, i);
            // Every seventh user has left (inactive); the first, whom the demo token acts as, never has and is the admin.
            var groups = new List<long> { PlanFixCatalogData.UserGroups[i % 3].Id };
            if (i % 4 == 0 && i > 0) groups.Add(PlanFixCatalogData.UserGroups[(i + 1) % 3].Id);
            users[i] = new SeedPlanFixUser(1001 + i, first, last, $"user{1001 + i}@demo.planfix.ru", i % 7 != 6, $"user{1001 + i}",
                i == 0 ? "ADMIN" : "USER", groups);
        }
        return users;
    }

    public IReadOnlyList<SeedPlanFixProject> Projects(int count, IReadOnlyList<SeedPlanFixUser> users, IReadOnlyList<SeedPlanFixContact> contacts)
    {
        var projects = new SeedPlanFixProject[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, ProjectsStream, i);
            var title = ProjectTitles[i % ProjectTitles.Length] + (i >= ProjectTitles.Length ? $" ({i / ProjectTitles.Length + 1})" : "");
            var status = i % 5 == 4 ? "COMPLETED" : i % 7 == 6 ? "DRAFT" : "ACTIVE";
            var workers = new List<long> { r.Pick(users).Id };
            var budget = r.Next(50, 900) * 1000;
            var custom = new List<SeedPlanFixCustomValue>
            {
                PlanFixCustomValues.Make(PlanFixCatalogData.ProjectFields[0], budget.ToString(CultureInfo.InvariantCulture), _ => null),
                PlanFixCustomValues.Make(PlanFixCatalogData.ProjectFields[1], i % 2 == 0 ? r.Pick(users).FullName : "", _ => null),
            };
            var client = contacts.Count > 0 && i % 3 == 0 ? contacts[(i * 5) % contacts.Count].Id : (long?)null;
            projects[i] = new SeedPlanFixProject(5001 + 2 * i, title, $"Проект «{title}»: сроки, бюджет и ответственные.", r.Pick(users).Id, status,
                client, PlanFixCatalogData.ProjectGroups[i % 2].Id, i >= 3 && i % 4 == 3 ? 5001 : null, i % 9 == 8,
                i % 2 == 1 ? LocalDate(StartedAt + TimeSpan.FromDays(r.Next(-20, 120))) : null,
                LocalDate(StartedAt - TimeSpan.FromDays(r.Next(30, 400))), workers, custom);
        }
        return projects;
    }

    public IReadOnlyList<SeedPlanFixContact> Contacts(int count)
    {
        var contacts = new SeedPlanFixContact[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, ContactsStream, i);
            var company = i % 6 == 5;
            var (first, last) = company ? (Companies[i / 6 % Companies.Length], "") : Person(ref r, i);
            var phones = new List<SeedPlanFixPhone> { new($"+7 9{r.Digits(2)} {r.Digits(3)}-{r.Digits(2)}-{r.Digits(2)}", 2, "Мобильный") };
            if (i % 4 == 0) phones.Add(new SeedPlanFixPhone($"+7 495 {r.Digits(3)}-{r.Digits(2)}-{r.Digits(2)}", 1, "Рабочий"));
            var fields = PlanFixCatalogData.ContactFields;
            var custom = new List<SeedPlanFixCustomValue>
            {
                PlanFixCustomValues.Make(fields[0], company || i % 3 == 0 ? "77" + r.Digits(8) : "", _ => null),
                PlanFixCustomValues.Make(fields[1], PlanFixCatalogData.Sources[i % PlanFixCatalogData.Sources.Length], _ => null),
                PlanFixCustomValues.Make(fields[2], i % 2 == 0 ? (r.Next(10, 500) * 1000).ToString(CultureInfo.InvariantCulture) : "", _ => null),
                PlanFixCustomValues.Make(fields[3], i % 5 == 0 ? "1" : "0", _ => null),
            };
            // A person of every other block of six works at the company that closes the block.
            var companyId = !company && i / 6 % 2 == 0 && (i / 6 * 6 + 5) < count ? 30001 + 2 * (i / 6 * 6 + 5) : (long?)null;
            contacts[i] = new SeedPlanFixContact(30001 + 2 * i, 50001 + 3 * i, 701 + i, first, last, $"contact{701 + i}@example.ru", phones,
                company ? "" : r.Pick(Posts), company, company ? "" : r.Pick(MidNames), "г. Москва, " + r.Pick(Streets),
                i % 3 == 0 ? "Постоянный клиент" : "", company ? "" : i % 2 == 0 ? "MALE" : "FEMALE", company ? $"https://company{i}.example.ru" : "",
                i % 4 == 1 ? $"contact{701 + i}" : "", company ? null : LocalDate(new DateTimeOffset(1970 + r.Next(35), 1, 1, 0, 0, 0, TimeSpan.Zero) + TimeSpan.FromDays(r.Next(365))),
                PlanFixCatalogData.ContactGroups[i % 3].Id, companyId, 700, false, Local(StartedAt - TimeSpan.FromDays(r.Next(1, 500))), custom);
        }
        return contacts;
    }

    /// <summary>The template contact new contacts are made from (target=template); it carries every contact field, empty.</summary>
    public SeedPlanFixContact TemplateContact() =>
        new(TemplateContactId, 50000, 700, "Шаблон контакта", "", "", [], "", false, IsTemplate: true, CreatedAt: Local(StartedAt - TimeSpan.FromDays(600)),
            CustomData: PlanFixCustomValues.Empty(PlanFixCatalogData.ContactFields));

    public SeedPlanFixTask[] Tasks(int count, IReadOnlyList<SeedPlanFixUser> users, IReadOnlyList<SeedPlanFixProject> projects,
        IReadOnlyList<SeedPlanFixContact> contacts)
    {
        var tasks = new SeedPlanFixTask[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, TasksStream, i);
            var general = GeneralBase + i;
            var title = $"{r.Pick(Verbs)} {r.Pick(Objects)}";
            var importance = r.Next(20) < 13 ? "AVERAGE" : "HIGH";
            var statusSet = i % 5 == 4 ? 2 : 1;
            var statusRoll = r.Next(20);
            var status = statusSet == 1
                ? statusRoll switch { < 5 => 1, < 13 => 2, < 18 => 3, < 19 => 4, _ => 5 }
                : statusRoll switch { < 5 => 1, < 10 => 6, < 14 => 7, _ => 3 };
            var begin = Local(StartedAt - TimeSpan.FromMinutes(r.Next(60, 90 * 24 * 60)));
            DateTimeOffset? start = r.Chance(0.5) ? LocalDate(begin + TimeSpan.FromDays(r.Next(4))) : null;
            // Ends spread from 30 days before the start to 60 days after it: some active tasks are overdue.
            DateTimeOffset? end = r.Chance(0.7) ? Local(StartedAt + TimeSpan.FromMinutes(r.Next(-30 * 24 * 60, 60 * 24 * 60))) : null;
            var endHasTime = i % 2 == 0;
            if (end is { } e && !endHasTime) end = LocalDate(e);
            var workerCount = i % 4 == 1 ? 2 + r.Next(2) : r.Next(2);
            var workers = new List<long>(workerCount);
            for (var w = 0; w < workerCount && workers.Count < users.Count; w++)
            {
                var id = r.Pick(users).Id;
                if (!workers.Contains(id)) workers.Add(id);
            }
            var custom = PlanFixCustomValues.Empty(PlanFixCatalogData.TaskFields).ToList();
            var fields = PlanFixCatalogData.TaskFields;
            if (i % 3 == 0)
            {
                custom[0] = PlanFixCustomValues.Make(fields[0], (r.Next(10, 500) * 1000).ToString(CultureInfo.InvariantCulture), _ => null);
                custom[1] = PlanFixCustomValues.Make(fields[1], r.Pick(PlanFixCatalogData.Sources), _ => null);
            }
            if (i % 5 == 0)
                custom[2] = PlanFixCustomValues.Make(fields[2], PlanFixXml.Date(LocalDate(StartedAt + TimeSpan.FromDays(r.Next(-60, 60))), withTime: false), _ => null);
            if (i % 7 == 0 && contacts.Count > 0)
                custom[3] = new SeedPlanFixCustomValue(104, fields[3].Name, contacts[i % contacts.Count].UserId.ToString(CultureInfo.InvariantCulture), contacts[i % contacts.Count].FullName);
            if (i % 4 == 0) custom[4] = PlanFixCustomValues.Make(fields[4], "1", _ => null);
            var periodic = i % 17 == 16;
            tasks[i] = new SeedPlanFixTask(
                TaskIdBase + TaskIdStep * i, general, title,
                $"<p>Задача №{general}: {title}.</p><p>Ответственный — <b>по списку исполнителей</b>.</p>",
                importance, status, statusSet, r.Pick(users).Id,
                projects.Count > 0 && r.Chance(0.75) ? r.Pick(projects).Id : null,
                contacts.Count > 0 && r.Chance(0.4) ? r.Pick(contacts).Id : null,
                begin, start, end, endHasTime, workers, custom)
            {
                WorkerGroupIds = i % 6 == 2 ? [PlanFixCatalogData.UserGroups[i % 3].Id] : [],
                MemberIds = i % 8 == 3 ? [users[0].Id] : [],
                MemberGroupIds = i % 8 == 3 ? [PlanFixCatalogData.UserGroups[1].Id] : [],
                AuditorIds = i % 10 == 5 ? [users[users.Count - 1].Id] : [],
                AuditorGroupIds = i % 10 == 5 ? [PlanFixCatalogData.UserGroups[2].Id] : [],
                ParentId = i % 23 == 22 ? TaskIdBase : 0,
                CheckResult = i % 9 == 0,
                Duration = i % 11 == 0 ? 90 : null,
                DurationUnit = 0,
                Periodicity = periodic ? new SeedPlanFixPeriodicity((i / 17 % 3) switch { 0 => "daily", 1 => "weekly", _ => "monthly" }, "EVERY", 1 + i % 3,
                    LocalDate(begin), 10) : null,
                ChangedAt = Local(begin + TimeSpan.FromDays(r.Next(0, 30))) is var changed && changed < StartedAt ? changed : Local(StartedAt - TimeSpan.FromHours(1)),
            };
        }
        return tasks;
    }

    /// <summary>Two task templates (target=template): they carry every task field, empty, as templates do.</summary>
    public SeedPlanFixTask[] TaskTemplates(IReadOnlyList<SeedPlanFixUser> users) =>
    [
        new(TemplateTaskIdBase, 1, "Шаблон: сделка", "", "AVERAGE", 1, 2, users[0].Id, null, null, Local(StartedAt - TimeSpan.FromDays(300)), null, null, false, [],
            PlanFixCustomValues.Empty(PlanFixCatalogData.TaskFields)) { IsTemplate = true },
        new(TemplateTaskIdBase + 1, 2, "Шаблон: выезд", "", "HIGH", 1, 1, users[0].Id, null, null, Local(StartedAt - TimeSpan.FromDays(300)), null, null, false, [],
            PlanFixCustomValues.Empty(PlanFixCatalogData.TaskFields)) { IsTemplate = true },
    ];

    /// <summary>The 0–5 seeded actions of the task with this ordinal, oldest first.</summary>
    public SeedPlanFixAction[] Actions(int ordinal, SeedPlanFixTask task, IReadOnlyList<SeedPlanFixUser> users)
    {
        var r = SeedRandom.For(seed, ActionsStream, ordinal);
        var count = r.Next(6);
        var actions = new SeedPlanFixAction[count];
        var at = task.BeginDateTime;
        for (var k = 0; k < count; k++)
        {
            at = Local(at + TimeSpan.FromMinutes(r.Next(10, 3 * 24 * 60)));
            if (at > StartedAt) at = Local(StartedAt - TimeSpan.FromMinutes(count - k));
            var id = ActionIdBase + ActionsPerTaskSlot * ordinal + k;
            var action = new SeedPlanFixAction(id, task.Id, r.Pick(Comments), at, r.Pick(users).Id) { Type = k == 0 ? "TASKCREATED" : "ACTION" };
            // Some actions changed the status, moved the dates, carry analitic data or a file, or were sent to people.
            if (k == 1 && ordinal % 2 == 0) action = action with { Type = "STATUSCHANGED", StatusChange = (1, task.Status) };
            if (k == 2 && ordinal % 3 == 0) action = action with { Type = "TASKEXPECTDATECHANGED", DateChanged = true };
            if (k == 3 && ordinal % 2 == 1)
                action = action with
                {
                    Analitics =
                    [
                        new SeedPlanFixAnaliticData(600_000 + ordinal * 8 + k, 263,
                        [
                            (741, WorkKinds[ordinal % WorkKinds.Length], (ordinal % WorkKinds.Length + 1).ToString(CultureInfo.InvariantCulture)),
                            (743, PlanFixXml.Date(LocalDate(at), withTime: false), null), (824, "09:00-10:30", null),
                            (747, (1 + ordinal % 5).ToString(CultureInfo.InvariantCulture), null), (749, "", null),
                            (846, users[ordinal % users.Count].FullName, users[ordinal % users.Count].Id.ToString(CultureInfo.InvariantCulture)),
                        ]),
                    ],
                };
            // The last action of a task: the one that brought its file (every fourth task has one), sent to the first user.
            if (k == count - 1)
                action = action with { FileIds = ordinal % 4 == 0 && ordinal / 4 < 50 ? [FileIdBase + ordinal / 4] : [], NotifiedIds = ordinal % 2 == 0 ? [users[0].Id] : [] };
            actions[k] = action;
        }
        return actions;
    }

    /// <summary>The records of the two handbooks: "Виды работ" (a few, in nested groups) and "Товары" (enough for several pages).</summary>
    public List<SeedPlanFixRecord> Records()
    {
        var records = new List<SeedPlanFixRecord>();
        // Виды работ: records 1–5 at the top, a group "Выезды" (10) holding a group "Дальние" (11) holding records.
        for (var i = 0; i < WorkKinds.Length; i++)
            records.Add(new(PlanFixCatalogData.WorkKindsHandbook, i + 1, 0, false, "", false,
                [(1311, WorkKinds[i]), (1312, i % 2 == 0 ? "час" : "штука"), (1313, ((i + 2) * 500).ToString(CultureInfo.InvariantCulture))]));
        records.Add(new(PlanFixCatalogData.WorkKindsHandbook, 10, 0, true, "Выезды", false, []));
        records.Add(new(PlanFixCatalogData.WorkKindsHandbook, 12, 10, false, "", false, [(1311, "Выезд по городу"), (1312, "час"), (1313, "1500")]));
        records.Add(new(PlanFixCatalogData.WorkKindsHandbook, 11, 10, true, "Дальние", false, []));
        records.Add(new(PlanFixCatalogData.WorkKindsHandbook, 13, 11, false, "", false, [(1311, "Выезд за город"), (1312, "час"), (1313, "3000")]));
        records.Add(new(PlanFixCatalogData.WorkKindsHandbook, 14, 11, false, "", true, [(1311, "Выезд в другой регион"), (1312, "штука"), (1313, "25000")]));
        // Товары: 230 records at the top level (three pages of 100) and one group of 3.
        for (var i = 0; i < 230; i++)
        {
            var r = SeedRandom.For(seed, RecordsStream, i);
            records.Add(new(PlanFixCatalogData.GoodsHandbook, 1000 + i, 0, false, "", false,
                [(1321, $"{Goods[i % Goods.Length]} {i + 1}"), (1322, r.Next(100, 90000).ToString(CultureInfo.InvariantCulture)),
                 (1323, "A-" + (10000 + i).ToString(CultureInfo.InvariantCulture)), (1324, i % 10 == 0 ? "1" : "")]));
        }
        records.Add(new(PlanFixCatalogData.GoodsHandbook, 2000, 0, true, "Уценка", false, []));
        for (var i = 0; i < 3; i++)
            records.Add(new(PlanFixCatalogData.GoodsHandbook, 2001 + i, 2000, false, "", false,
                [(1321, $"Уценённый товар {i + 1}"), (1322, "100"), (1323, "U-" + (i + 1).ToString(CultureInfo.InvariantCulture)), (1324, "")]));
        return records;
    }

    /// <summary>Files of every fourth task (the first 50 such tasks): small deterministic contents.</summary>
    public List<SeedPlanFixFile> Files(IReadOnlyList<SeedPlanFixTask> tasks, IReadOnlyList<SeedPlanFixUser> users)
    {
        var files = new List<SeedPlanFixFile>();
        for (var i = 0; i < tasks.Count && files.Count < 50; i += 4)
        {
            var r = SeedRandom.For(seed, FilesStream, i);
            var n = files.Count;
            var name = FileNames[n % FileNames.Length];
            var content = Encoding.UTF8.GetBytes($"Файл «{name}» задачи №{tasks[i].General}.\n" + new string('x', 100 + r.Next(3000)));
            files.Add(new SeedPlanFixFile(FileIdBase + n, UniqueIdBase + n, name, 1, n % 3 == 0 ? "Приложение к задаче" : "",
                Local(tasks[i].BeginDateTime + TimeSpan.FromHours(1)), tasks[i].Id, r.Pick(users).Id, content));
        }
        return files;
    }

    private static (string First, string Last) Person(ref SeedRandom r, int i) =>
        i % 2 == 0
            ? (MaleNames[(i / 2 + r.Next(3)) % MaleNames.Length], r.Pick(MaleLastNames))
            : (FemaleNames[(i / 2 + r.Next(3)) % FemaleNames.Length], r.Pick(FemaleLastNames));
}
