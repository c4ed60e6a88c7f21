using ApiTools.Emulator.Evotor;

namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// Deterministic PlanFix data for a seed, dates relative to the start (whole minutes, PlanFix time zone).
/// Ids: users 1001+, projects 5001+2i, contacts 30001+2i (userid 50001+3i, general 701+i), tasks
/// 1000001+2i (general 101+i), actions 7000001+8·ordinal+k (0–5 per task, made from the task's ordinal on demand).
/// </summary>
internal sealed class PlanFixGenerator(int seed, DateTimeOffset startedAt, TimeZoneInfo timeZone)
{
    public const long TaskIdBase = 1_000_001, TaskIdStep = 2, GeneralBase = 101, ActionIdBase = 7_000_001, ActionsPerTaskSlot = 8;

    private const int UsersStream = 0x50F1, ProjectsStream = 0x50F2, ContactsStream = 0x50F3, TasksStream = 0x50F4, ActionsStream = 0x50F5;

    private static readonly string[] MaleNames = ["Иван", "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Николай", "Павел"];
    private static readonly string[] MaleLastNames = ["Петров", "Кузнецов", "Волков", "Новиков", "Козлов", "Фёдоров", "Соколов", "Морозов"];
    private static readonly string[] FemaleNames = ["Мария", "Ольга", "Елена", "Наталья", "Татьяна", "Анна", "Ирина", "Светлана"];
    private static readonly string[] FemaleLastNames = ["Смирнова", "Лебедева", "Павлова", "Орлова", "Васильева", "Зайцева", "Белова", "Егорова"];
    private static readonly string[] Companies = ["ООО «Ромашка»", "АО «Северный ветер»", "ООО «ТехноСтрой»", "ИП Сидоров", "ООО «Луч»"];
    private static readonly string[] Posts = ["Директор", "Менеджер по закупкам", "Главный бухгалтер", "Инженер", "Юрист"];
    private static readonly string[] ProjectTitles =
        ["Внедрение CRM", "Ремонт офиса", "Запуск интернет-магазина", "Аудит бухгалтерии", "Открытие филиала в Казани",
         "Переезд склада", "Обучение менеджеров", "Выставка «Иннопром»", "Сертификация продукции", "Обновление сайта"];
    private static readonly string[] Verbs = ["Подготовить", "Согласовать", "Проверить", "Отправить", "Обсудить", "Оформить", "Обновить", "Подписать"];
    private static readonly string[] Objects =
        ["договор поставки", "счёт для клиента", "коммерческое предложение", "отчёт за квартал", "акт сверки",
         "презентацию для партнёров", "план закупок", "заявку на оборудование"];
    private static readonly string[] Sources = ["Сайт", "Звонок", "Выставка", "Рекомендация"];
    private static readonly string[] Comments =
        ["Взял в работу.", "Созвонился с клиентом, ждём ответа.", "Документы отправлены на согласование.",
         "<p>Обновил смету, см. <b>вложение</b>.</p>", "Перенёс срок по просьбе клиента.", "Готово, прошу проверить."];

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
            // Every seventh user has left (inactive); the first, whom the demo token acts as, never has.
            users[i] = new SeedPlanFixUser(1001 + i, first, last, $"user{1001 + i}@demo.planfix.ru", i % 7 != 6);
        }
        return users;
    }

    public IReadOnlyList<SeedPlanFixProject> Projects(int count, IReadOnlyList<SeedPlanFixUser> users)
    {
        var projects = new SeedPlanFixProject[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, ProjectsStream, i);
            var title = ProjectTitles[i % ProjectTitles.Length] + (i >= ProjectTitles.Length ? $" ({i / ProjectTitles.Length + 1})" : "");
            var status = i % 5 == 4 ? "COMPLETED" : i % 7 == 6 ? "DRAFT" : "ACTIVE";
            projects[i] = new SeedPlanFixProject(5001 + 2 * i, title, $"Проект «{title}»: сроки, бюджет и ответственные.",
                r.Pick(users).Id, status);
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
            var phone = $"+7 9{r.Digits(2)} {r.Digits(3)}-{r.Digits(2)}-{r.Digits(2)}";
            contacts[i] = new SeedPlanFixContact(30001 + 2 * i, 50001 + 3 * i, 701 + i, first, last,
                $"contact{701 + i}@example.ru", phone, company ? "" : r.Pick(Posts), company);
        }
        return contacts;
    }

    public SeedPlanFixTask[] Tasks(int count, IReadOnlyList<SeedPlanFixUser> users, IReadOnlyList<SeedPlanFixProject> projects,
        IReadOnlyList<SeedPlanFixContact> contacts)
    {
        var tasks = new SeedPlanFixTask[count];
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, TasksStream, i);
            var general = GeneralBase + i;
            var title = $"{r.Pick(Verbs)} {r.Pick(Objects)}";
            var importance = r.Next(20) switch { < 12 => "AVERAGE", < 17 => "HIGH", _ => "LOW" };
            var status = r.Next(20) switch { < 5 => 1, < 14 => 2, _ => 3 };
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
            var custom = new List<SeedPlanFixCustomValue>();
            if (i % 3 == 0)
            {
                var amount = r.Next(10, 500) * 1000;
                custom.Add(new SeedPlanFixCustomValue(101, "Сумма сделки", amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    amount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', ' ') + " ₽"));
                var source = r.Next(Sources.Length);
                custom.Add(new SeedPlanFixCustomValue(102, "Источник", (source + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Sources[source]));
            }
            if (i % 5 == 0)
            {
                var signed = PlanFixXml.Date(LocalDate(StartedAt + TimeSpan.FromDays(r.Next(-60, 60))), withTime: false);
                custom.Add(new SeedPlanFixCustomValue(103, "Дата подписания", signed, signed));
            }
            tasks[i] = new SeedPlanFixTask(
                TaskIdBase + TaskIdStep * i, general, title,
                $"<p>Задача №{general}: {title}.</p><p>Ответственный — <b>по списку исполнителей</b>.</p>",
                importance, status, 1, r.Pick(users).Id,
                projects.Count > 0 && r.Chance(0.75) ? r.Pick(projects).Id : null,
                contacts.Count > 0 && r.Chance(0.4) ? r.Pick(contacts).Id : null,
                begin, start, end, endHasTime, workers, custom);
        }
        return tasks;
    }

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
            actions[k] = new SeedPlanFixAction(ActionIdBase + ActionsPerTaskSlot * ordinal + k, task.Id, r.Pick(Comments), at, r.Pick(users).Id);
        }
        return actions;
    }

    private static (string First, string Last) Person(ref SeedRandom r, int i) =>
        i % 2 == 0
            ? (MaleNames[(i / 2 + r.Next(3)) % MaleNames.Length], r.Pick(MaleLastNames))
            : (FemaleNames[(i / 2 + r.Next(3)) % FemaleNames.Length], r.Pick(FemaleLastNames));
}
