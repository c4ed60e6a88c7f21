using System.Collections;

namespace ApiTools.Emulator.Evotor;

/// <summary>What the pager needs of a list: its size, the id at a position (cheap) and the item at a position.</summary>
internal interface IPageSource<out T>
{
    int Count { get; }
    string IdAt(int index);
    T ItemAt(int index);
}

/// <summary>A plain list sorted by id as a page source.</summary>
internal sealed class ListPageSource<T>(IReadOnlyList<T> items, Func<T, string> idOf) : IPageSource<T>
{
    public int Count => items.Count;
    public string IdAt(int index) => idOf(items[index]);
    public T ItemAt(int index) => items[index];
}

/// <summary>
/// One store's products: an array of slots sorted by id (ordinal). A seeded slot holds only the id and
/// the ordinal its fields are generated from, so a million products cost ~120 MB and seed in a fraction
/// of a second; a written slot holds the whole written product. Lookups by id are binary searches.
/// The array is copy-on-write: readers take <see cref="Snapshot"/> (a page is served from one snapshot
/// even while writes go on); writers hold the store's gate (<see cref="EvotorStoreData.Gate"/>) and
/// publish a new array, merging a batch in one pass (O(n + k log k)).
/// </summary>
internal sealed class EvotorProductStore : IPageSource<SeedProduct>
{
    private readonly ProductGenerator _generator;
    private readonly Slot[] _seeded;
    private Slot[] _slots;

    public EvotorProductStore(ProductGenerator generator, int count)
    {
        _generator = generator;
        _seeded = new Slot[count];
        // Ids are generated already in ascending order (see ProductGenerator.IdOf): no sort needed.
        for (var i = 0; i < count; i++) _seeded[i] = new Slot(generator.IdOf(i, count), i, null);
        _slots = _seeded;
    }

    public string StoreId => _generator.StoreId;

    /// <summary>The seeded group's attributes (what generated products choose from), or null.</summary>
    public IReadOnlyList<SeedAttribute>? GroupAttributes(string groupId) => _generator.GroupAttributes(groupId);

    // The current array; two calls may see different arrays while writes go on (use Snapshot for a page).
    public int Count => Current.Length;
    public string IdAt(int index) => Current[index].Id;
    public SeedProduct ItemAt(int index) => Read(Current[index]);

    private Slot[] Current => Volatile.Read(ref _slots);

    /// <summary>The products as they are now: an immutable page source and list.</summary>
    public ProductSnapshot Snapshot() => new(Current, _generator);

    public SeedProduct? Find(string id)
    {
        var slots = Current;
        var index = IndexOf(slots, id);
        return index >= 0 ? Read(slots[index]) : null;
    }

    /// <summary>A read-only list of the products as they are now; items are generated on each access.</summary>
    public IReadOnlyList<SeedProduct> AsList() => Snapshot();

    /// <summary>Creates or replaces products (by id; a later one of the batch wins). Call under the store's gate.</summary>
    public void Upsert(IReadOnlyCollection<SeedProduct> products)
    {
        if (products.Count == 0) return;
        var batch = new SortedDictionary<string, SeedProduct>(StringComparer.Ordinal);
        foreach (var p in products) batch[p.Id] = p;
        var slots = Current;
        var merged = new Slot[slots.Length + batch.Count];
        int i = 0, n = 0;
        foreach (var (id, product) in batch)
        {
            // Copy the run of untouched slots before this id in one block.
            var at = IndexOf(slots, id, i);
            var stop = at >= 0 ? at : ~at;
            Array.Copy(slots, i, merged, n, stop - i);
            n += stop - i;
            merged[n++] = new Slot(id, -1, product);
            i = at >= 0 ? at + 1 : stop;
        }
        Array.Copy(slots, i, merged, n, slots.Length - i);
        n += slots.Length - i;
        if (n != merged.Length) Array.Resize(ref merged, n);
        Volatile.Write(ref _slots, merged);
    }

    /// <summary>Deletes the products with these ids (missing ones are ignored); returns how many went. Call under the store's gate.</summary>
    public int Delete(IEnumerable<string> ids)
    {
        var slots = Current;
        var doomed = new SortedSet<int>();
        foreach (var id in ids)
        {
            var index = IndexOf(slots, id);
            if (index >= 0) doomed.Add(index);
        }
        if (doomed.Count == 0) return 0;
        var kept = new Slot[slots.Length - doomed.Count];
        int from = 0, n = 0;
        foreach (var index in doomed)
        {
            Array.Copy(slots, from, kept, n, index - from);
            n += index - from;
            from = index + 1;
        }
        Array.Copy(slots, from, kept, n, slots.Length - from);
        Volatile.Write(ref _slots, kept);
        return doomed.Count;
    }

    /// <summary>Back to the seeded products (a reset).</summary>
    public void Restore() => Volatile.Write(ref _slots, _seeded);

    private SeedProduct Read(Slot slot) => slot.Written ?? _generator.Generate(slot.Ordinal, slot.Id);

    private static int IndexOf(Slot[] slots, string id, int from = 0) => SortedById.Search(from, slots.Length, i => slots[i].Id, id);

    /// <summary>A seeded slot (Written null, fields generated from Ordinal) or a written one.</summary>
    internal readonly record struct Slot(string Id, int Ordinal, SeedProduct? Written);

    /// <summary>One moment's products: never changes, so a page (or a test) can index it freely.</summary>
    internal sealed class ProductSnapshot(Slot[] slots, ProductGenerator generator) : IPageSource<SeedProduct>, IReadOnlyList<SeedProduct>
    {
        public int Count => slots.Length;
        public string IdAt(int index) => slots[index].Id;
        public SeedProduct ItemAt(int index) => slots[index].Written ?? generator.Generate(slots[index].Ordinal, slots[index].Id);
        public SeedProduct this[int index] => ItemAt(index);

        public IEnumerator<SeedProduct> GetEnumerator()
        {
            for (var i = 0; i < slots.Length; i++) yield return ItemAt(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// Generates product number <c>ordinal</c> of a store from (seed, store index, ordinal) alone.
/// Optional fields vary: every tenth product (ordinal 0, 10, …) has none of them, the next one
/// (1, 11, …) has all of them (it is ALCOHOL_MARKED, under a group with attributes when there is one),
/// the rest draw each field at random.
/// </summary>
internal sealed class ProductGenerator(
    int seed,
    int storeIndex,
    string storeId,
    string userId,
    DateTimeOffset now,
    IReadOnlyList<SeedProductGroup> groups)
{
    private const int IdStream = 101, FieldStream = 102;

    public string StoreId => storeId;

    public IReadOnlyList<SeedAttribute>? GroupAttributes(string groupId) => groups.FirstOrDefault(g => g.Id == groupId)?.Attributes;

    /// <summary>
    /// Ids ascend with the ordinal: the first 32 bits fall in the ordinal's own slice of the 32-bit
    /// range (random within it), the other 96 bits are random.
    /// </summary>
    public string IdOf(int ordinal, int count)
    {
        var r = SeedRandom.For(seed, IdStream, storeIndex, ordinal);
        var from = ((ulong)ordinal << 32) / (ulong)count;
        var to = ((ulong)(ordinal + 1) << 32) / (ulong)count;
        var prefix = from + r.NextUInt64() % Math.Max(1, to - from);
        var high = (prefix << 32) | (r.NextUInt64() & 0xFFFFFFFFUL);
        return SeedUuid.Format(high, r.NextUInt64());
    }

    public SeedProduct Generate(int ordinal, string id)
    {
        var r = SeedRandom.For(seed, FieldStream, storeIndex, ordinal);
        var profile = ordinal % 10; // 0: bare, 1: every optional field, else random
        var bare = profile == 0;
        var full = profile == 1;

        var type = bare ? "NORMAL" : full ? "ALCOHOL_MARKED" : PickType(ref r);
        var alcohol = type is "ALCOHOL_MARKED" or "ALCOHOL_NOT_MARKED";
        var catalog = type switch
        {
            "SERVICE" => Services,
            "TOBACCO_MARKED" => Tobacco,
            "ALCOHOL_MARKED" => StrongAlcohol,
            "ALCOHOL_NOT_MARKED" => Beer,
            _ => Goods,
        };
        var (baseName, measure) = r.Pick(catalog);
        var name = ordinal % 50 == 7 ? LongName(baseName, ordinal) : $"{baseName} №{ordinal + 1}";
        var weighed = measure is "кг" or "л" or "м";

        var created = now - TimeSpan.FromMilliseconds(r.NextInt64(86_400_000L * 2, 86_400_000L * 400));
        var updated = ordinal % 4 == 0
            ? now - TimeSpan.FromMilliseconds(r.NextInt64(1, 86_400_000L)) // changed within the last day
            : created + (now - TimeSpan.FromDays(1) - created) * r.NextDouble();
        var price = r.Next(100, 500_000) / 100m; // 1.00 … 4999.99, kopecks included

        SeedProductGroup? parent = null;
        if (groups.Count > 0 && !bare)
        {
            if (full) parent = groups.FirstOrDefault(g => g.Attributes is not null) ?? groups[0];
            else if (r.Chance(0.7)) parent = r.Pick(groups);
        }

        bool Has(ref SeedRandom random, double p) => full || (!bare && random.Chance(p));

        var product = new SeedProduct(id, storeId, name, type, measure, bare ? "VAT_18" : PickTax(ref r),
            AllowToSell: bare || full || r.Chance(0.9), Normalize(price), userId, Ms(created), Ms(updated))
        {
            ParentId = parent?.Id,
            CostPrice = Has(ref r, 0.7) ? Normalize(Math.Round(price * (0.5m + r.Next(0, 40) / 100m), 2)) : null,
            // Services too: Evotor's SERVICE example carries a quantity.
            Quantity = Has(ref r, 0.7)
                ? Normalize(weighed ? r.Next(0, 100_000) / 1000m : r.Next(0, 200))
                : null,
            Description = Has(ref r, 0.4) ? r.Pick(Descriptions) : null,
            ArticleNumber = Has(ref r, 0.5) ? $"АРТ-{ordinal + 1:D6}" : null,
            Code = Has(ref r, 0.6) ? (ordinal + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Barcodes = Has(ref r, 0.6) ? Barcodes(ref r, full ? 3 : r.Next(1, 4)) : null,
            Alcocodes = alcohol && Has(ref r, 0.8) ? Alcocodes(ref r, full ? 2 : r.Next(1, 3)) : null,
            AlcoholByVolume = alcohol && Has(ref r, 0.9) ? (type == "ALCOHOL_MARKED" ? r.Pick(StrongVolumes) : r.Pick(BeerVolumes)) : null,
            AlcoholProductKindCode = alcohol && Has(ref r, 0.9) ? (type == "ALCOHOL_MARKED" ? 200 : 500) + r.Next(0, 70) : null,
            TareVolume = alcohol && Has(ref r, 0.9) ? r.Pick(TareVolumes) : null,
            AttributesChoices = parent?.Attributes is { } attributes && (full || r.Chance(0.6)) ? Choices(ref r, attributes) : null,
            ExternalCode = $"P-{storeIndex + 1:D2}-{ordinal + 1:D7}",
            // Drawn from nothing, so every other field stays as it was for a seed.
            ClassificationCode = ordinal % 5 == 3 ? "" : null,
        };
        return product;
    }

    private static string PickType(ref SeedRandom r)
    {
        var x = r.Next(100);
        return x < 70 ? "NORMAL" : x < 78 ? "SERVICE" : x < 86 ? "TOBACCO_MARKED" : x < 93 ? "ALCOHOL_NOT_MARKED" : "ALCOHOL_MARKED";
    }

    private static string PickTax(ref SeedRandom r)
    {
        var x = r.Next(100);
        return x < 20 ? "NO_VAT" : x < 25 ? "VAT_0" : x < 45 ? "VAT_10" : x < 50 ? "VAT_10_110" : x < 95 ? "VAT_18" : "VAT_18_118";
    }

    /// <summary>A name of exactly 128 characters (the documented maximum), commas and quotes included.</summary>
    private static string LongName(string baseName, int ordinal)
    {
        var text = $"{baseName} №{ordinal + 1}, подарочный набор \"Праздничный\", в упаковке из картона, с лентой, открыткой и инструкцией по хранению";
        while (text.Length < 128) text += " и т. д.";
        return text[..128];
    }

    private static IReadOnlyDictionary<string, string> Choices(ref SeedRandom r, IReadOnlyList<SeedAttribute> attributes)
    {
        var map = new Dictionary<string, string>(attributes.Count, StringComparer.Ordinal);
        foreach (var a in attributes) map[a.Id] = a.Choices[r.Next(a.Choices.Count)].Id;
        return map;
    }

    private static IReadOnlyList<string> Barcodes(ref SeedRandom r, int count)
    {
        var list = new string[count];
        for (var i = 0; i < count; i++) list[i] = Ean13("46" + r.Digits(10));
        return list;
    }

    internal static string Ean13(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return twelve + (char)('0' + (10 - sum % 10) % 10);
    }

    private static IReadOnlyList<string> Alcocodes(ref SeedRandom r, int count)
    {
        var list = new string[count];
        for (var i = 0; i < count; i++) list[i] = "0" + r.Digits(18);
        return list;
    }

    private static DateTimeOffset Ms(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    /// <summary>Drops trailing zeros (100.00 → 100, 12.500 → 12.5) so the wire shows no more decimals than meant.</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static readonly (string Name, string Measure)[] Goods =
    [
        ("Молоко \"Домик в деревне\" 3,2%, 1 л", "шт"),
        ("Хлеб \"Бородинский\", нарезка", "шт"),
        ("Сыр \"Российский\", 45%", "кг"),
        ("Яблоки Гренни Смит", "кг"),
        ("Кофе \"Жокей\" молотый, 250 г", "шт"),
        ("Шоколад \"Алёнка\", 100 г", "шт"),
        ("Сахар-песок", "кг"),
        ("Пакет-майка", "шт"),
        ("Квас разливной", "л"),
        ("Гречка ядрица, 900 г", "упак"),
        ("Кабель ВВГ 3x2,5", "м"),
        ("Чай \"Принцесса Нури\", 100 пак.", "упак"),
    ];

    private static readonly (string Name, string Measure)[] Services =
        [("Доставка по городу", "ед"), ("Упаковка подарка", "ед"), ("Нарезка, фасовка", "ед")];

    private static readonly (string Name, string Measure)[] Tobacco =
        [("Сигареты \"Ява\" золотая", "шт"), ("Сигареты \"Пётр I\", компакт", "шт")];

    private static readonly (string Name, string Measure)[] StrongAlcohol =
        [("Водка \"Столичная\" 40%, 0,5 л", "шт"), ("Коньяк \"Арарат\" 5*, 0,5 л", "шт"), ("Вино \"Шато Тамань\" красное сухое, 0,75 л", "шт")];

    private static readonly (string Name, string Measure)[] Beer =
        [("Пиво \"Жигулёвское\" 4,5%, 0,5 л", "шт"), ("Сидр \"Яблочный\", 0,45 л", "шт")];

    private static readonly string[] Descriptions =
    [
        "Хранить при температуре от +2 до +6 °C",
        "Срок годности 5 суток, после вскрытия — 2 дня",
        "Производитель: ООО \"Вкусный мир\", Россия",
        "Без консервантов, ГМО не содержит",
    ];

    private static readonly decimal[] StrongVolumes = [40m, 12.5m, 13m, 38.5m];
    private static readonly decimal[] BeerVolumes = [4.5m, 5.2m, 6m];
    private static readonly decimal[] TareVolumes = [0.5m, 0.75m, 0.45m, 1m];
}
