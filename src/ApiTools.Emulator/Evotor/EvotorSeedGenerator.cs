namespace ApiTools.Emulator.Evotor;

/// <summary>Generates the seeded collections other than stores and products (see <see cref="EvotorSeed"/>).</summary>
internal sealed class EvotorSeedGenerator(DateTimeOffset now, string userId)
{
    private const long Hour = 3_600_000;

    public List<SeedDevice> Devices(IReadOnlyList<SeedStore> stores, int perStore, Random random)
    {
        var devices = new List<SeedDevice>(stores.Count * perStore);
        foreach (var store in stores)
        {
            var city = CityOf(store);
            for (var j = 0; j < perStore; j++)
            {
                var created = Between(random, store.CreatedAt, now - TimeSpan.FromDays(2));
                var updated = random.NextDouble() < 0.3 ? Ms(now - TimeSpan.FromMilliseconds(random.NextInt64(1, 24 * Hour))) : Between(random, created, now - TimeSpan.FromDays(1));
                var (lng, lat) = city.Coordinates;
                devices.Add(new SeedDevice(EvotorIds.New(random, created), $"Эвотор {Pick(random, Models)} касса {j + 1}", store.Id,
                    city.OffsetHours * Hour, userId, created, updated)
                {
                    Imei = j % 3 != 2 ? "86" + Digits(random, 13) : null,
                    FirmwareVersion = j % 3 != 1 ? $"4.{random.Next(5, 10)}.{random.Next(0, 20)}" : null,
                    Location = j % 2 == 0 ? new SeedLocation(Math.Round(lng + (decimal)(random.NextDouble() - 0.5) / 10, 6), Math.Round(lat + (decimal)(random.NextDouble() - 0.5) / 10, 6)) : null,
                });
            }
        }
        devices.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 0; i < devices.Count; i++) devices[i] = devices[i] with { ExternalCode = $"D-{i + 1:D4}" };
        return devices;
    }

    public List<SeedEmployee> Employees(IReadOnlyList<SeedStore> stores, int count, Random random)
    {
        var drafts = new List<(string Id, DateTimeOffset Created, DateTimeOffset Updated)>(count);
        for (var i = 0; i < count; i++)
        {
            var created = Ms(now - TimeSpan.FromDays(random.Next(30, 1000)) - TimeSpan.FromMilliseconds(random.NextInt64(0, 24 * Hour)));
            var updated = random.NextDouble() < 0.3 ? Ms(now - TimeSpan.FromMilliseconds(random.NextInt64(1, 24 * Hour))) : Between(random, created, now - TimeSpan.FromDays(1));
            drafts.Add((EvotorIds.New(random, created), created, updated));
        }
        drafts.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var storeIds = stores.Select(s => s.Id).ToArray();
        var employees = new List<SeedEmployee>(count);
        for (var i = 0; i < drafts.Count; i++)
        {
            // The first is the owner's admin in every store; the rest each work in one store (store i-1
            // round robin, so every store has staff when there are enough), some in a second.
            var role = i == 0 ? "ADMIN" : i % 4 == 3 ? "MANUAL" : "CASHIER";
            List<string> works = [];
            if (storeIds.Length > 0)
            {
                if (i == 0) works.AddRange(storeIds);
                else
                {
                    works.Add(storeIds[(i - 1) % storeIds.Length]);
                    var second = storeIds[random.Next(storeIds.Length)];
                    if (random.NextDouble() < 0.3 && !works.Contains(second)) works.Add(second);
                }
            }
            var female = random.NextDouble() < 0.5;
            var d = drafts[i];
            employees.Add(new SeedEmployee(d.Id,
                Pick(random, female ? FemaleNames : MaleNames),
                Pick(random, LastNames) + (female ? "а" : ""),
                Pick(random, Patronymics) + (female ? "на" : "ич"),
                "79" + Digits(random, 9), works, role, userId, d.Created, d.Updated)
            {
                ExternalCode = $"E-{i + 1:D4}",
            });
        }
        return employees;
    }

    public List<SeedProductGroup> ProductGroups(SeedStore store, int storeIndex, int count, Random random)
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++) ids.Add(SeedUuid.New(random));
        ids.Sort(StringComparer.Ordinal);

        var groups = new List<SeedProductGroup>(count);
        for (var i = 0; i < count; i++)
        {
            var created = Between(random, store.CreatedAt, now - TimeSpan.FromDays(2));
            var updated = i % 3 == 0 ? Ms(now - TimeSpan.FromMilliseconds(random.NextInt64(1, 24 * Hour))) : Between(random, created, now - TimeSpan.FromDays(1));
            var name = GroupNames[i % GroupNames.Length] + (i >= GroupNames.Length ? $" {i / GroupNames.Length + 1}" : "");
            groups.Add(new SeedProductGroup(ids[i], store.Id, name, userId, created, updated)
            {
                // Sub-groups hang under the previous group, which is never itself a sub-group: no cycles.
                ParentId = i % 3 == 2 ? ids[i - 1] : null,
                Barcodes = i % 2 == 1 ? [ProductGenerator.Ean13("29" + Digits(random, 10))] : null,
                Attributes = i % 2 == 0
                    ?
                    [
                        new SeedAttribute(SeedUuid.New(random), "Размер", [.. new[] { "S", "M", "L", "XL" }.Select(n => new SeedChoice(SeedUuid.New(random), n))]),
                        new SeedAttribute(SeedUuid.New(random), "Цвет", [.. new[] { "красный", "синий", "чёрный" }.Select(n => new SeedChoice(SeedUuid.New(random), n))]),
                    ]
                    : null,
                ExternalCode = $"G-{storeIndex + 1:D2}-{i + 1:D4}",
            });
        }
        return groups;
    }

    /// <summary>
    /// Documents come in cash sessions (OPEN_SESSION … CLOSE_SESSION) of 5–10 documents, mostly SELL.
    /// The newest session lies within the last 24 hours and is mostly SELL; older ones spread back to
    /// ~30 days. Sorted by id, so a page mixes times.
    /// </summary>
    public List<SeedDocument> Documents(SeedStore store, int storeIndex, int count, IReadOnlyList<SeedDevice> devices,
        IReadOnlyList<SeedEmployee> staff, EvotorProductStore products, Random random)
    {
        var documents = new List<SeedDocument>(count);
        if (count == 0 || devices.Count == 0) return documents;

        var lengths = new List<int>(); // newest session first
        for (var remaining = count; remaining > 0;)
        {
            var length = Math.Min(remaining, random.Next(5, 11));
            lengths.Add(length);
            remaining -= length;
        }

        var sessionNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var documentNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = lengths.Count - 1; k >= 0; k--)
        {
            var length = lengths[k];
            DateTimeOffset start;
            TimeSpan span;
            if (k == 0)
            {
                start = now - TimeSpan.FromHours(23) + TimeSpan.FromMinutes(random.Next(0, 30));
                span = TimeSpan.FromHours(22);
            }
            else
            {
                // Older sessions from 1.5 to 29.5 days back, evenly spaced (the oldest ends up ~30 days ago).
                var daysAgo = 1.5 + (lengths.Count > 2 ? (k - 1) * 28.0 / (lengths.Count - 2) : 0) + random.NextDouble() * 0.3;
                start = now - TimeSpan.FromDays(daysAgo) - TimeSpan.FromMinutes(random.Next(0, 120));
                span = TimeSpan.FromHours(10);
            }
            var device = devices[random.Next(devices.Count)];
            var sessionNumber = sessionNumbers[device.Id] = sessionNumbers.GetValueOrDefault(device.Id) + 1;
            var sessionId = SeedUuid.New(random);
            var cashier = staff.Count > 0 ? staff[random.Next(staff.Count)].Id : userId;
            for (var j = 0; j < length; j++)
            {
                var type = j == 0 ? "OPEN_SESSION"
                    : j == length - 1 && length >= 3 ? "CLOSE_SESSION"
                    : k == 0 ? (j == 4 ? "PAYBACK" : "SELL")
                    : MiddleType(random, ref _rare);
                var closeDate = Ms(start + span * ((j + random.NextDouble() * 0.8) / length));
                var number = documentNumbers[device.Id] = documentNumbers.GetValueOrDefault(device.Id) + 1;
                var body = type switch
                {
                    "SELL" or "PAYBACK" or "BUY" or "BUYBACK" or "ACCEPT" or "RETURN" or "WRITE_OFF" or "OPEN_TARE" or "INVENTORY" or "REVALUATION"
                        => Receipt(products, random),
                    "CASH_INCOME" or "CASH_OUTCOME" => CashBody(random),
                    _ => null,
                };
                documents.Add(new SeedDocument(type, SeedUuid.New(random), number, closeDate, device.TimezoneOffset, sessionId,
                    sessionNumber, cashier, device.Id, store.Id, userId, "V2", body));
            }
        }
        documents.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        for (var i = 0; i < documents.Count; i++) documents[i] = documents[i] with { ExternalCode = $"DOC-{storeIndex + 1:D2}-{i + 1:D6}" };
        return documents;
    }

    /// <summary>
    /// Historical tasks, cycling COMPLETED (items created), FAILED (some items created, some refused),
    /// DECLINED (nothing done, no details); details show the first store's products or groups.
    /// </summary>
    public List<SeedBulkTask> BulkTasks(int count, EvotorStoreData? store, Random random)
    {
        string[] statuses = ["COMPLETED", "FAILED", "DECLINED"];
        var tasks = new List<SeedBulkTask>(count);
        for (var i = 0; i < count; i++)
        {
            var status = statuses[i % 3];
            var type = (i % 3 == 2) ^ (i / 3 % 2 == 1) ? "product-group" : "product";
            var modified = Ms(now - TimeSpan.FromDays(count - i) - TimeSpan.FromMilliseconds(random.NextInt64(0, 20 * Hour)));
            List<SeedBulkDetail>? details = status == "DECLINED" ? null : [];
            if (details is not null && store is not null)
            {
                if (type == "product")
                {
                    for (var n = 0; n < Math.Min(3, store.Products.Count); n++)
                        details.Add(new SeedBulkDetail { Product = store.Products.ItemAt((n * 7 + i) % store.Products.Count) });
                }
                else
                {
                    foreach (var group in store.Groups.Take(2)) details.Add(new SeedBulkDetail { ProductGroup = group });
                }
                if (status == "FAILED") details.Insert(Math.Min(1, details.Count), new SeedBulkDetail { Error = BulkError(random) });
            }
            else if (details is not null && status == "FAILED")
            {
                details.Add(new SeedBulkDetail { Error = BulkError(random) });
            }
            tasks.Add(new SeedBulkTask(SeedUuid.New(random), modified, status, type, details) { ExternalCode = $"B-{i + 1:D4}" });
        }
        return tasks;
    }

    private static SeedBulkError BulkError(Random random) => new(
        "validation_failed", "validation failed for specified payload", SeedUuid.New(random),
        [new SeedViolation("размер должен находиться в диапазоне от 0 до 160", "name"), new SeedViolation("не должно быть пустым", "measure_name")]);

    /// <summary>Every other type the reference lists, taken in turn by the rarer middle documents of older sessions, so a
    /// few hundred documents hold each at least once.</summary>
    private static readonly string[] RareTypes =
        ["X_REPORT", "ACCEPT", "INVENTORY", "Z_REPORT", "WRITE_OFF", "BUY", "REVALUATION", "POS_OPEN_SESSION", "RETURN", "BUYBACK", "OPEN_TARE"];

    private int _rare; // the next of RareTypes, across the stores of one seed

    private static string MiddleType(Random random, ref int rare) => random.Next(100) switch
    {
        < 75 => "SELL",
        < 85 => "PAYBACK",
        < 89 => "CASH_INCOME",
        < 93 => "CASH_OUTCOME",
        _ => RareTypes[rare++ % RareTypes.Length],
    };

    private static SeedDocumentBody Receipt(EvotorProductStore products, Random random)
    {
        var count = random.Next(1, 5);
        var positions = new List<SeedPosition>(count);
        for (var i = 0; i < count; i++)
        {
            string id, name, type, tax;
            decimal price, costPrice;
            bool weighed;
            SeedProduct? product = null;
            if (products.Count > 0)
            {
                var p = product = products.ItemAt(random.Next(products.Count));
                (id, name, type, tax, price, costPrice) = (p.Id, p.Name, p.Type, p.Tax, p.Price, p.CostPrice ?? 0m);
                weighed = p.MeasureName is "кг" or "л" or "м";
            }
            else
            {
                (id, name, type, tax, price, costPrice) = (SeedUuid.New(random), "Товар по свободной цене", "NORMAL", "NO_VAT", random.Next(100, 100_000) / 100m, 0m);
                weighed = false;
            }
            var quantity = weighed ? random.Next(100, 3000) / 1000m : random.Next(1, 4);
            var sum = Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
            var rate = tax switch { "VAT_18" or "VAT_18_118" => 18m / 118m, "VAT_10" or "VAT_10_110" => 10m / 110m, _ => 0m };
            var taxSum = Math.Round(sum * rate, 2, MidpointRounding.AwayFromZero);
            positions.Add(new SeedPosition(id, name, type, N(quantity), N(price), N(costPrice), N(sum), N(sum), new SeedTax(tax, N(taxSum), N(taxSum)))
            {
                MeasureName = product?.MeasureName ?? "шт",
                Code = product?.Code,
                ParentId = product?.ParentId,
                Choices = product is { AttributesChoices: { } chosen, ParentId: { } parent } ? ChoicesOf(products, parent, chosen) : null,
            });
        }
        var total = positions.Sum(p => p.ResultSum);
        List<SeedPayment> payments;
        if (total >= 2 && random.NextDouble() < 0.2)
        {
            var cash = Math.Floor(total / 2);
            payments = [new(SeedUuid.New(random), "CASH", N(cash)), new(SeedUuid.New(random), "ELECTRON", N(total - cash))];
        }
        else
        {
            payments = [new(SeedUuid.New(random), random.NextDouble() < 0.6 ? "ELECTRON" : "CASH", N(total))];
        }
        return new SeedDocumentBody(positions, payments, N(total), N(total));
    }

    /// <summary>The names of a product's chosen attributes and choices, from its group's attributes.</summary>
    private static IReadOnlyList<(string, string, string, string)>? ChoicesOf(EvotorProductStore products, string groupId,
        IReadOnlyDictionary<string, string> chosen)
    {
        var attributes = products.GroupAttributes(groupId);
        if (attributes is null) return null;
        var list = new List<(string, string, string, string)>();
        foreach (var a in attributes)
            if (chosen.TryGetValue(a.Id, out var choiceId) && a.Choices.FirstOrDefault(c => c.Id == choiceId) is { } choice)
                list.Add((a.Id, a.Name, choice.Id, choice.Name));
        return list.Count == 0 ? null : list;
    }

    private static SeedDocumentBody CashBody(Random random)
    {
        var sum = N(random.Next(1000, 1_000_000) / 100m);
        return new SeedDocumentBody([], [], sum, sum);
    }

    private static decimal N(decimal value) => ProductGenerator.Normalize(value);

    private static DateTimeOffset Ms(DateTimeOffset t) => EvotorSeed.TruncateToMilliseconds(t);

    private static DateTimeOffset Between(Random random, DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? Ms(from) : Ms(from + (to - from) * random.NextDouble());

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Digits(Random random, int count) =>
        string.Create(count, random, static (span, r) => { for (var i = 0; i < span.Length; i++) span[i] = (char)('0' + r.Next(10)); });

    private static (int OffsetHours, (decimal Lng, decimal Lat) Coordinates) CityOf(SeedStore store)
    {
        // Addresses read "г. Город, улица, д. N".
        var city = store.Address.StartsWith("г. ", StringComparison.Ordinal) ? store.Address[3..store.Address.IndexOf(',')] : "";
        return city switch
        {
            "Санкт-Петербург" => (3, (30.315868m, 59.939095m)),
            "Казань" => (3, (49.106414m, 55.796127m)),
            "Екатеринбург" => (5, (60.597474m, 56.838011m)),
            "Новосибирск" => (7, (82.920430m, 55.030199m)),
            "Нижний Новгород" => (3, (44.005986m, 56.326797m)),
            "Самара" => (4, (50.100202m, 53.195873m)),
            "Краснодар" => (3, (38.975313m, 45.035470m)),
            _ => (3, (37.617635m, 55.755814m)),
        };
    }

    private static readonly string[] Models = ["7.2", "7.3", "10", "5i"];
    private static readonly string[] MaleNames = ["Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Андрей"];
    private static readonly string[] FemaleNames = ["Анна", "Мария", "Ольга", "Елена", "Наталья", "Татьяна"];
    private static readonly string[] LastNames = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Морозов"];
    private static readonly string[] Patronymics = ["Иванов", "Петров", "Сергеев", "Алексеев", "Николаев", "Андреев"];

    private static readonly string[] GroupNames =
        ["Молочные продукты", "Хлеб, выпечка", "Алкоголь", "Табак", "Бакалея", "Овощи и фрукты", "Напитки \"Б/А\"", "Услуги"];
}
