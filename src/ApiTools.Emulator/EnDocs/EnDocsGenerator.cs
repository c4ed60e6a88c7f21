using System.Text;
using ApiTools.Emulator.Evotor;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// Makes seeded EnDocs data from (seed, kind, ordinal) on demand, so 200,000 invoices cost nothing to
/// seed: a document's id, ext_ID flag, fields and files are each drawn from their own random stream.
/// Ids of all kinds share one space: <c>1001 + (ordinal*4 + kind)*3 + (0..2)</c>, ascending per kind.
/// </summary>
internal sealed class EnDocsGenerator(int seed, int[] counts, DateTimeOffset startedAt, EnDocsReferences references)
{
    // Random streams (appended, never renumbered, so existing data stays the same for a seed).
    private const int StreamIdGap = 200, StreamExt = 201, StreamDocument = 202, StreamFiles = 203,
        StreamContractors = 204, StreamPeople = 205;

    private const long FirstId = 1001;
    private static readonly TimeSpan Spread = TimeSpan.FromDays(120);

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>Documents created later (uploads, new contracts) get ids from here: above every generated one.</summary>
    public long FirstFreeId { get; } = ((FirstId + ((long)counts.Max() * 4 + 4) * 3) / 1000 + 1) * 1000 + 1;

    /// <summary>The seeded entries documents point at (the seed keeps them as the start of its live lists).</summary>
    public EnDocsReferences References => references;

    public int Count(EnDocsDocumentKind kind) => (int)kind < counts.Length ? counts[(int)kind] : 0;

    public long IdOf(EnDocsDocumentKind kind, int ordinal) =>
        FirstId + ((long)ordinal * 4 + (int)kind) * 3 + SeedRandom.For(seed, StreamIdGap, (int)kind, ordinal).Next(3);

    /// <summary>The generated document with this id, as (kind, ordinal); false for an id no generated document has.</summary>
    public bool TryLocate(long id, out EnDocsDocumentKind kind, out int ordinal)
    {
        kind = default;
        ordinal = -1;
        if (id < FirstId) return false;
        var slot = (id - FirstId) / 3;
        var k = (int)(slot % 4);
        var i = slot / 4;
        if (i >= counts[k]) return false;
        if (IdOf((EnDocsDocumentKind)k, (int)i) != id) return false;
        kind = (EnDocsDocumentKind)k;
        ordinal = (int)i;
        return true;
    }

    /// <summary>The first ordinal whose id is above <paramref name="afterId"/> (Count when none).</summary>
    public int FirstOrdinalAfter(EnDocsDocumentKind kind, long afterId)
    {
        var count = Count(kind);
        if (afterId < FirstId) return 0;
        var i = (int)Math.Clamp((afterId - FirstId) / 12 - 1, 0, count);
        while (i < count && IdOf(kind, i) <= afterId) i++;
        return i;
    }

    /// <summary>Whether the generated document carries an ext_ID (and so is left out of lists); cheap to ask.</summary>
    public bool HasExtId(EnDocsDocumentKind kind, int ordinal) =>
        ordinal >= 3 && SeedRandom.For(seed, StreamExt, (int)kind, ordinal).Chance(0.15);

    /// <summary>A GUID-shaped ext_ID that carries the document's id, so no index is needed to find it.</summary>
    public static string ExtIdFor(long id) => $"00000000-0000-4000-8000-{id:D12}";

    public static long? IdFromExtId(string extId) =>
        extId.Length == 36 && extId.StartsWith("00000000-0000-4000-8000-", StringComparison.OrdinalIgnoreCase)
        && long.TryParse(extId.AsSpan(24), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id : null;

    public SeedEnDocsDocument Document(EnDocsDocumentKind kind, int ordinal)
    {
        var id = IdOf(kind, ordinal);
        var r = SeedRandom.For(seed, StreamDocument, (int)kind, ordinal);
        var count = Math.Max(1, Count(kind));
        // Newer ids were created later; the newest close to the emulator's start.
        var created = StartedAt - Spread + Spread * ((ordinal + r.NextDouble()) / count);
        created = new DateTimeOffset(created.UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (created > StartedAt) created = StartedAt;
        // A date without a time: EnDocs keeps such a value at noon and prints it with a Z (2023-02-15T12:00:00Z).
        var docDate = Day(created).AddDays(-r.Next(3));
        var modified = created.AddMinutes(r.Next(0, 600));
        if (modified > StartedAt) modified = StartedAt;

        var kopecks = kind switch
        {
            EnDocsDocumentKind.Contract => r.NextInt64(10_000_00, 5_000_000_00),
            EnDocsDocumentKind.NonForm => r.NextInt64(0, 300_000_00),
            _ => r.NextInt64(1_00, 900_000_00),
        };
        var withVat = r.Chance(0.8);
        var without = withVat ? (kopecks * 100 + 60) / 120 : kopecks;
        var contractor = Pick(ref r, references.Contractors);
        var organization = Pick(ref r, references.Organizations);
        var employee = Pick(ref r, references.Employees);
        var department = Pick(ref r, references.Departments);
        var state = States[r.Next(States.Length)];
        var signed = state is "Подписано" or "Исполнено" || r.Chance(0.2);
        var edi = signed && r.Chance(0.6);
        var ext = HasExtId(kind, ordinal) ? ExtIdFor(id) : (r.Chance(0.1) ? "" : null);

        var document = new SeedEnDocsDocument(id, kind, DocTypeOf(kind), "", docDate, created, modified)
        {
            PackageId = r.Chance(0.3) ? (50_000 + r.Next(10_000)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Source = kind == EnDocsDocumentKind.Contract && r.Chance(0.5) ? "Исходящий" : "Входящий",
            Amount = Money(kopecks),
            AmountWithoutVat = Money(without),
            Vat = Money(kopecks - without),
            AmountToPay = kind == EnDocsDocumentKind.Contract ? null : Money(kopecks),
            Currency = "RUB",
            State = state,
            Signed = signed,
            Comment = r.Chance(0.4) ? Comments[r.Next(Comments.Length)] : null,
            ExtId = ext,
            ContractorId = contractor?.Id,
            OrganizationId = organization?.Id,
            Employee = employee?.Name,
            Department = department?.Name,
            Project = r.Chance(0.3) ? Projects[r.Next(Projects.Length)] : null,
            EdiId = edi ? r.Uuid() : null,
            EdiState = edi ? "Подписан" : null,
            EdiProvider = edi ? "Диадок" : null,
        };

        var year = docDate.Year;
        switch (kind)
        {
            case EnDocsDocumentKind.Contract:
            {
                var supplier = r.Chance(0.6);
                var subject = Subjects[r.Next(Subjects.Length)];
                return document with
                {
                    DocNumber = $"Д-{year}/{ordinal + 1:D3}",
                    Operation = supplier ? "Закупка" : "Продажа",
                    Name = $"Договор {(supplier ? "поставки" : "оказания услуг")} № Д-{year}/{ordinal + 1:D3}",
                    ContractType = supplier ? "С поставщиком" : "С покупателем",
                    ValidityPeriod = docDate.AddYears(1),
                    Subject = subject,
                };
            }
            case EnDocsDocumentKind.Invoice:
            {
                var paid = r.Chance(0.4);
                return document with
                {
                    DocNumber = $"СЧ-{ordinal + 1:D6}",
                    Operation = "Оплата поставщику",
                    Paid = paid,
                    PaymentDate = paid ? docDate.AddDays(r.Next(1, 10)) : null,
                    PaymentNumber = paid ? r.Next(1, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                    Contract = r.Chance(0.5) ? $"Договор № Д-{year}/{r.Next(1, 200):D3}" : null,
                    TablePart = TablePartOf(ref r, kopecks),
                };
            }
            case EnDocsDocumentKind.Input:
                return document with
                {
                    DocNumber = $"ПТ-{ordinal + 1:D6}",
                    DocNumInvoice = $"СЧ-{ordinal + 1:D6}",
                    DocDateInvoice = docDate,
                    DocNumTaxInvoice = $"СФ-{ordinal + 1:D6}",
                    DocDateTaxInvoice = docDate,
                    Operation = r.Chance(0.7) ? "Поступление товаров" : "Поступление услуг",
                    Paid = r.Chance(0.5),
                    Contract = r.Chance(0.5) ? $"Договор № Д-{year}/{r.Next(1, 200):D3}" : null,
                    TablePart = TablePartOf(ref r, kopecks),
                };
            default:
                return document with
                {
                    DocNumber = $"НФ-{ordinal + 1:D5}",
                    Sender = Senders[r.Next(Senders.Length)],
                    Operation = null,
                    State = r.Chance(0.7) ? "Новый" : "В процессе",
                };
        }
    }

    /// <summary>
    /// A generated document's files: 0–3 small ones (1–3 for a non-form document); the first three non-form documents carry the hostile
    /// names (and the third a 2 MB file), so clients can prove they keep files inside their folder.
    /// </summary>
    public IReadOnlyList<SeedEnDocsFile> FilesOf(EnDocsDocumentKind kind, int ordinal, SeedEnDocsDocument document)
    {
        if (kind == EnDocsDocumentKind.NonForm && ordinal < HostileFiles.Length)
            return [.. HostileFiles[ordinal].Select((name, n) => new SeedEnDocsFile(name, Content(document.Id, n, name.EndsWith(".bin") ? BigFileSize : 0)))];
        var r = SeedRandom.For(seed, StreamFiles, (int)kind, ordinal);
        // A non-form document is a file: it has one at least. Others may have none.
        var count = kind == EnDocsDocumentKind.NonForm ? 1 + r.Next(3) : r.Next(4);
        var files = new SeedEnDocsFile[count];
        var stem = kind switch
        {
            EnDocsDocumentKind.Contract => "Договор",
            EnDocsDocumentKind.Invoice => "Счет",
            EnDocsDocumentKind.Input => "Накладная",
            _ => "Скан",
        };
        for (var n = 0; n < count; n++)
        {
            var extension = Extensions[r.Next(Extensions.Length)];
            var name = n == 0 ? $"{stem} {document.DocNumber}{extension}" : $"{stem} {document.DocNumber} ({n + 1}){extension}";
            files[n] = new SeedEnDocsFile(name, Content(document.Id, n, 200 + r.Next(3000)));
        }
        return files;
    }

    /// <summary>Size of the big seeded file (on the third non-form document).</summary>
    public const int BigFileSize = 2 * 1024 * 1024;

    /// <summary>The hostile file names of the first non-form documents, ordinal by ordinal.</summary>
    public static readonly string[][] HostileFiles =
    [
        ["../../evil.txt", "C:\\Windows\\x.pdf", "/etc/passwd"],
        ["con", "..", "bad:*?\"<>|name.txt"],
        ["big.bin"],
    ];

    /// <summary>Deterministic bytes: a readable header, then filler up to <paramref name="size"/>.</summary>
    private static byte[] Content(long id, int n, int size)
    {
        var header = Encoding.UTF8.GetBytes($"EnDocs emulator file {n + 1} of document {id}\n");
        if (size <= header.Length) return header;
        var bytes = new byte[size];
        header.CopyTo(bytes, 0);
        var state = (uint)(id * 31 + n + 1);
        for (var i = header.Length; i < size; i++)
        {
            state = state * 1664525 + 1013904223;
            bytes[i] = (byte)(state >> 24);
        }
        return bytes;
    }

    /// <summary>The day of <paramref name="moment"/> as EnDocs keeps a date without a time: at noon, UTC.</summary>
    public static DateTimeOffset Day(DateTimeOffset moment) => new DateTimeOffset(moment.UtcDateTime.Date, TimeSpan.Zero).AddHours(12);

    public static int DocTypeOf(EnDocsDocumentKind kind) => kind switch
    {
        EnDocsDocumentKind.Contract => 4,
        EnDocsDocumentKind.Invoice => 14,
        EnDocsDocumentKind.Input => 1,
        _ => 16,
    };

    public static decimal Money(long kopecks) =>
        new((int)(kopecks & 0xFFFFFFFF), (int)(kopecks >> 32), 0, false, 2);

    private static string TablePartOf(ref SeedRandom r, long totalKopecks)
    {
        // One to three lines whose sums add up to the document's amount, in the shape EnDocs' own importers write:
        // PascalCase, every value a string, AmountToPay the unit price.
        var lines = 1 + r.Next(3);
        var sb = new StringBuilder("[");
        var left = totalKopecks;
        for (var n = 0; n < lines; n++)
        {
            var sum = n == lines - 1 ? left : left / (lines - n) + r.NextInt64(0, Math.Max(1, left / (lines * 4)));
            sum = Math.Min(sum, left);
            left -= sum;
            if (n > 0) sb.Append(',');
            var item = Goods[r.Next(Goods.Length)];
            var without = (sum * 100 + 60) / 120;
            sb.Append("{\"Name\":\"").Append(item).Append("\",\"UnitName\":\"шт\",\"Quantity\":\"1\",\"AmountToPay\":\"").Append(Text(sum))
                .Append("\",\"AmountWOVAT\":\"").Append(Text(without)).Append("\",\"TaxRate\":\"20%\",\"VAT\":\"").Append(Text(sum - without))
                .Append("\",\"Amount\":\"").Append(Text(sum)).Append("\"}");
        }
        return sb.Append(']').ToString();

        static string Text(long kopecks) => Money(kopecks).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One of <paramref name="items"/>; null, with nothing drawn, when there are none.</summary>
    private static T? Pick<T>(ref SeedRandom r, IReadOnlyList<T> items) where T : class => items.Count == 0 ? null : items[r.Next(items.Count)];

    // --- reference data -----------------------------------------------------------------------------

    public static EnDocsReferences ReferencesFor(EmulatorOptions options) =>
        new(Contractors(options.Seed, options.EnDocsContractors, options.EnDocsOrganizations), Organizations(options.EnDocsOrganizations), Departments(), Employees(options.Seed));

    public static List<SeedEnDocsContractor> Contractors(int seed, int count, int organizations)
    {
        var result = new List<SeedEnDocsContractor>(count);
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, StreamContractors, i);
            var person = i % 5 == 4;
            var word = CompanyWords[i % CompanyWords.Length] + (i >= CompanyWords.Length ? $"-{i / CompanyWords.Length + 1}" : "");
            var (form, fullForm) = LegalForms[r.Next(LegalForms.Length)];
            var surname = LastNames[r.Next(LastNames.Length)];
            var director = $"{surname} {FirstNames[r.Next(FirstNames.Length)]} {Patronymics[r.Next(Patronymics.Length)]}";
            var name = person ? $"ИП {director}" : $"{form} \"{word}\"";
            var city = Cities[r.Next(Cities.Length)];
            var address = $"{city}, ул. {Streets[r.Next(Streets.Length)]}, д. {r.Next(1, 120)}";
            result.Add(new SeedEnDocsContractor(101 + i, name)
            {
                FullName = person ? $"Индивидуальный предприниматель {director}" : $"{fullForm} \"{word}\"",
                Inn = person ? r.Digits(12) : r.Digits(10),
                Kpp = person ? null : r.Digits(9),
                ExtId = i % 2 == 0 ? r.Uuid() : null,
                DiadocId = r.Chance(0.5) ? "2BM-" + r.Digits(10) + "-" + r.Digits(9) : null,
                Type = person ? "ИП" : "ЮрЛицо",
                Address = address,
                LawAddress = r.Chance(0.5) ? address : $"{Cities[r.Next(Cities.Length)]}, ул. {Streets[r.Next(Streets.Length)]}, д. {r.Next(1, 120)}",
                Contact = r.Chance(0.6) ? $"{FirstNames[r.Next(FirstNames.Length)]} {surname}" : null,
                Phone = "+7 9" + r.Digits(2) + " " + r.Digits(3) + "-" + r.Digits(2) + "-" + r.Digits(2),
                Email = $"info{i + 1}@example.ru",
                Bank = r.Chance(0.8) ? Banks[r.Next(Banks.Length)] : null,
                Bik = "04" + r.Digits(7),
                Bill = "40702810" + r.Digits(12),
                Director = person ? null : director,
                Ogrn = person ? "3" + r.Digits(14) : "1" + r.Digits(12),
                Code = $"{i + 1:D9}",
                Comment = r.Chance(0.2) ? "Основной поставщик" : null,
                OrganizationId = 1 + i % Math.Max(1, organizations),
                Manager = $"user{i % 5 + 1}@romashka.ru",
            });
        }
        return result;
    }

    public static List<SeedEnDocsOrganization> Organizations(int count)
    {
        var result = new List<SeedEnDocsOrganization>(count);
        for (var i = 0; i < count; i++)
        {
            var organization = i == 0
                ? new SeedEnDocsOrganization(1, "ООО Ромашка", "7701234567", "770101001", "org-0001")
                : new SeedEnDocsOrganization(1 + i, $"ООО \"{OwnNames[(i - 1) % OwnNames.Length]}\"", $"77{i:D2}{765432 + i:D6}", $"77{i:D2}01001", i % 2 == 0 ? null : $"org-{i + 1:D4}");
            result.Add(organization with
            {
                FullName = "Общество с ограниченной ответственностью " + organization.Name[4..],
                LawAddress = $"г. Москва, ул. Садовая, д. {10 + i}",
                Address = $"г. Москва, ул. Садовая, д. {10 + i}",
                Bill = $"40702810{i + 1:D12}",
                Bank = Banks[i % Banks.Length],
                Bik = $"0445252{i + 1:D2}",
                Email = $"office{i + 1}@romashka.ru",
                Director = "Ромашкин Иван Петрович",
                Ogrn = $"10277{i + 1:D8}",
            });
        }
        return result;
    }

    public static List<SeedEnDocsUser> Users(int seed, int count)
    {
        var result = new List<SeedEnDocsUser>(count);
        for (var i = 0; i < count; i++)
        {
            var r = SeedRandom.For(seed, StreamPeople, 1, i);
            var name = $"{LastNames[r.Next(LastNames.Length)]} {FirstNames[r.Next(FirstNames.Length)]}";
            result.Add(new SeedEnDocsUser(r.Uuid(), name, $"user{i + 1}@romashka.ru", Positions[i % Positions.Length], i % 4 == 3)
            {
                ClientAdmin = i == 0,
                Hr = i % Positions.Length == 5,
                Phone = i % 2 == 0 ? $"+7 495 100-00-{i + 10:D2}" : null,
            });
        }
        return result;
    }

    public static List<SeedEnDocsDepartment> Departments() =>
    [
        new(1, "dep-0001", "Бухгалтерия") { FullName = "Бухгалтерия", Code = "1", Manager = "user1@romashka.ru", OrganizationId = 1 },
        new(2, "dep-0002", "Отдел закупок") { FullName = "Отдел закупок", Code = "2", Manager = "user3@romashka.ru", OrganizationId = 1 },
        new(3, "dep-0003", "Склад") { FullName = "Склад №3", Code = "3", OrganizationId = 1 },
        new(4, "dep-0004", "Юридический отдел") { FullName = "Юридический отдел", Code = "4", OrganizationId = 1 },
    ];

    public static List<SeedEnDocsEmployee> Employees(int seed)
    {
        var result = new List<SeedEnDocsEmployee>();
        for (var i = 0; i < 8; i++)
        {
            var r = SeedRandom.For(seed, StreamPeople, 2, i);
            result.Add(new SeedEnDocsEmployee(1 + i, $"emp-{i + 1:D4}", LastNames[r.Next(LastNames.Length)], FirstNames[r.Next(FirstNames.Length)], Patronymics[r.Next(Patronymics.Length)])
            {
                Position = Positions[i % Positions.Length],
                Email = $"emp{i + 1}@romashka.ru",
                DepartmentExtId = $"dep-{i % 4 + 1:D4}",
                OrganizationId = 1,
            });
        }
        return result;
    }

    private static readonly string[] States = ["Новый", "Новый", "В процессе", "Согласовано", "Исполнено", "Ознакомлено", "Подписано", "Прервано"];
    private static readonly string[] Comments = ["Срочно", "Оплатить до конца месяца", "Проверено бухгалтерией", "Оригинал в пути", "Согласовать с юристом"];
    private static readonly string[] Projects = ["Открытие склада в Казани", "Ремонт офиса", "Внедрение ЭДО"];
    private static readonly string[] Subjects = ["Поставка канцелярских товаров", "Аренда нежилого помещения", "Оказание транспортных услуг", "Поставка оборудования", "Техническое обслуживание"];
    private static readonly string[] Senders = ["buh@vector.example.ru", "office@alfa-trade.example.ru", "Сканер 2 этаж", "zakupki@polus.example.ru"];
    private static readonly string[] Goods = ["Бумага офисная А4", "Картридж HP 85A", "Ручка шариковая", "Доставка", "Монитор 24\\\"", "Услуги связи"];
    private static readonly string[] Extensions = [".pdf", ".pdf", ".jpg", ".xml", ".docx"];
    private static readonly string[] CompanyWords = ["Вектор", "Альфа-Трейд", "СтройМаркет", "Полюс", "Техносервис", "Меридиан", "Северный ветер", "Гранит", "Лидер", "Восход", "Орбита", "Прогресс"];
    private static readonly (string, string)[] LegalForms = [("ООО", "Общество с ограниченной ответственностью"), ("АО", "Акционерное общество"), ("ПАО", "Публичное акционерное общество")];
    private static readonly string[] OwnNames = ["Ромашка-Юг", "Ромашка Логистика", "Лютик"];
    private static readonly string[] LastNames = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Морозов", "Волков"];
    private static readonly string[] FirstNames = ["Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Андрей", "Михаил"];
    private static readonly string[] Patronymics = ["Иванович", "Петрович", "Сергеевич", "Алексеевич", "Николаевич", "Андреевич"];
    private static readonly string[] Positions = ["Главный бухгалтер", "Бухгалтер", "Менеджер по закупкам", "Кладовщик", "Юрист", "Директор"];
    private static readonly string[] Cities = ["г. Москва", "г. Санкт-Петербург", "г. Казань", "г. Екатеринбург", "г. Новосибирск"];
    private static readonly string[] Streets = ["Ленина", "Тверская", "Садовая", "Мира", "Гагарина", "Профсоюзная"];
    private static readonly string[] Banks = ["ПАО Сбербанк", "АО \"Альфа-Банк\"", "Банк ВТБ (ПАО)", "АО \"Тинькофф Банк\""];
}

/// <summary>The seeded entries documents point at: contractors, the account's organisations, departments, employees.</summary>
internal sealed record EnDocsReferences(
    IReadOnlyList<SeedEnDocsContractor> Contractors,
    IReadOnlyList<SeedEnDocsOrganization> Organizations,
    IReadOnlyList<SeedEnDocsDepartment> Departments,
    IReadOnlyList<SeedEnDocsEmployee> Employees);
