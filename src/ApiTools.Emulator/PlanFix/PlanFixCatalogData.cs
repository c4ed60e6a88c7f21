namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// The account's fixed configuration as the emulator plays it: user groups, status sets and statuses, the custom fields
/// of tasks, contacts and projects, the handbooks' structures and the analitics. The data in them (records, rows) is
/// generated per seed; these definitions are the same for every seed.
/// </summary>
internal static class PlanFixCatalogData
{
    public static readonly IReadOnlyList<SeedPlanFixUserGroup> UserGroups =
        [new(4001, "Программисты"), new(4002, "Менеджеры"), new(4003, "Бухгалтерия"), new(4004, "Не сотрудники (клиенты)")];

    public static readonly IReadOnlyList<SeedPlanFixStatus> Statuses =
    [
        new(1, "Новая", "New", "#2196f3", true, true, "DRAFT"),
        new(2, "В работе", "In progress", "#ff9800", true, true, "ACTIVE"),
        new(3, "Завершённая", "Completed", "#4caf50", false, false, "COMPLETED"),
        new(4, "Отложенная", "Delayed", "#9e9e9e", true, false, "DELAYED"),
        new(5, "Отменённая", "Canceled", "#f44336", false, false, "CANCELED"),
        new(6, "Первичный контакт", "First contact", "#00bcd4", true, true, null),
        new(7, "Переговоры", "Negotiation", "#673ab7", true, true, null),
    ];

    public static readonly IReadOnlyList<SeedPlanFixStatusSet> StatusSets =
        [new(1, "Стандартный процесс", [1, 2, 3, 4, 5]), new(2, "Продажи", [1, 6, 7, 3, 5])];

    /// <summary>System values (task.add, task.changeStatus, task.getList <c>status</c>) → the status each stands for here.</summary>
    public static int? SystemStatus(string value) => value.Trim().ToUpperInvariant() switch
    {
        "DRAFT" => 1,
        "ACTIVE" or "ACCEPTED" => 2,
        "COMPLETED" or "DONE" => 3,
        "DELAYED" => 4,
        "REJECTED" or "CANCELED" => 5,
        _ => null,
    };

    public static readonly string[] Sources = ["Сайт", "Звонок", "Выставка", "Рекомендация"];

    public static readonly IReadOnlyList<SeedPlanFixCustomField> TaskFields =
    [
        new(101, "Сумма сделки", "NUMBER", [], "₽"),
        new(102, "Источник", "LIST", Sources),
        new(103, "Дата подписания", "DATE", []),
        new(104, "Контактное лицо", "CONTACT", []),
        new(105, "Проектная задача", "CHECKBOX", []),
    ];

    public static readonly IReadOnlyList<SeedPlanFixCustomField> ContactFields =
    [
        new(201, "ИНН", "STRING", []),
        new(202, "Источник", "LIST", Sources),
        new(203, "Сумма сделки", "NUMBER", [], "₽"),
        new(204, "VIP", "CHECKBOX", []),
    ];

    public static readonly IReadOnlyList<SeedPlanFixCustomField> ProjectFields =
    [
        new(301, "Бюджет", "NUMBER", [], "₽"),
        new(302, "Куратор", "STRING", []),
    ];

    public const long WorkKindsHandbook = 131, GoodsHandbook = 132;

    public static readonly IReadOnlyList<SeedPlanFixHandbook> Handbooks =
    [
        new(WorkKindsHandbook, "Виды работ", 11, "Учёт времени",
            [new(1311, 0, "Название", "STRING", []), new(1312, 1, "Единица измерения", "LIST", ["час", "минута", "штука"]), new(1313, 2, "Ставка", "NUMBER", [])]),
        new(GoodsHandbook, "Товары", 12, "Склад",
            [new(1321, 0, "Наименование", "STRING", []), new(1322, 1, "Цена", "NUMBER", []), new(1323, 2, "Артикул", "STRING", []),
             new(1324, 3, "Вид работ", "HANDBOOK", [], WorkKindsHandbook)]),
    ];

    public static readonly IReadOnlyList<SeedPlanFixAnalitic> Analitics =
    [
        new(263, "Выработка", 1, "Учёт времени",
        [
            new(741, 0, "Вид работы", "HANDBOOK", [], WorkKindsHandbook), new(743, 1, "Дата", "DATE", []), new(824, 2, "Период времени", "TIMEPERIOD", []),
            new(747, 3, "Кол-во", "NUMBER", []), new(749, 4, "Комментарий / ссылка", "TEXT", []), new(846, 5, "Сотрудник", "LOGINLIST", []),
        ]),
        new(264, "Расходы", 2, "Финансы",
            [new(751, 0, "Статья", "LIST", ["Транспорт", "Связь", "Канцелярия"]), new(752, 1, "Сумма", "NUMBER", []), new(753, 2, "Дата", "DATE", [])]),
    ];

    public static readonly IReadOnlyList<(long Id, string Name)> PhoneTypes = [(1, "Рабочий"), (2, "Мобильный"), (3, "Домашний")];

    public static readonly IReadOnlyList<(long Id, string Name)> ContactGroups = [(21, "Клиенты"), (22, "Партнёры"), (23, "Поставщики")];

    public static readonly IReadOnlyList<(long Id, string Name)> ProjectGroups = [(31, "Внутренние"), (32, "Клиентские")];
}
