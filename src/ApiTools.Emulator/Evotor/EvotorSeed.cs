using ApiTools.Emulator.Evotor;

namespace ApiTools.Emulator;

/// <summary>
/// The Evotor data an emulator starts with: deterministic for a seed, with timestamps relative to the
/// emulator's start so "changed in the last day" filters find something. Each collection draws from
/// its own random stream, so adding devices, employees, products or documents later leaves the
/// stores (and every test that names them) unchanged. Lists are sorted by id, the order pages use.
/// </summary>
public sealed class EvotorSeed
{
    private readonly Dictionary<string, SeedStore> _storesById;

    private EvotorSeed(DateTimeOffset startedAt, string userId, List<SeedStore> stores, int productsPerStore)
    {
        StartedAt = startedAt;
        UserId = userId;
        Stores = stores;
        ProductsPerStore = productsPerStore;
        _storesById = stores.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The moment the data was generated (UTC, whole milliseconds); seeded times are relative to it.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The account that owns every seeded object (Evotor's <c>user_id</c>).</summary>
    public string UserId { get; }

    /// <summary>Seeded stores, sorted by id (ordinal).</summary>
    public IReadOnlyList<SeedStore> Stores { get; }

    /// <summary>Products to seed per store (served once the products endpoints exist).</summary>
    public int ProductsPerStore { get; }

    /// <summary>The store with this id, or null.</summary>
    public SeedStore? FindStore(string id) => _storesById.GetValueOrDefault(id);

    internal static EvotorSeed Generate(EmulatorOptions options, DateTimeOffset now)
    {
        // Whole milliseconds: the wire format carries no more, and tests compare seeded values with parsed ones.
        var startedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var userRandom = Stream(options.Seed, SeedStream.User);
        var userId = "01-" + userRandom.NextInt64(1, 1_000_000_000_000_000).ToString("D15", System.Globalization.CultureInfo.InvariantCulture);
        var stores = GenerateStores(options.EvotorStores, Stream(options.Seed, SeedStream.Stores), startedAt, userId);
        return new EvotorSeed(startedAt, userId, stores, options.EvotorProductsPerStore);
    }

    private static List<SeedStore> GenerateStores(int count, Random random, DateTimeOffset now, string userId)
    {
        var drafts = new List<(string Id, DateTimeOffset Created, DateTimeOffset Updated, string Address)>(count);
        for (var i = 0; i < count; i++)
        {
            var created = now - TimeSpan.FromDays(random.Next(30, 1500)) - TimeSpan.FromMilliseconds(random.Next(0, 86_400_000));
            created = TruncateToMilliseconds(created);
            // Some stores changed within the last day, the rest at some point between creation and a day ago.
            var updated = random.NextDouble() < 0.4
                ? now - TimeSpan.FromMilliseconds(random.Next(1, 86_400_000))
                : created + (now - TimeSpan.FromDays(1) - created) * random.NextDouble();
            updated = TruncateToMilliseconds(updated);
            var address = $"г. {Pick(random, Cities)}, {Pick(random, Streets)}, д. {random.Next(1, 120)}";
            drafts.Add((EvotorIds.New(random, created), created, updated, address));
        }
        drafts.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        // Numbered after sorting, so "Магазин №1" is the first store a listing returns.
        var stores = new List<SeedStore>(count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            stores.Add(new SeedStore(d.Id, $"Магазин №{i + 1}", d.Address, userId, d.Created, d.Updated)
            {
                ExternalCode = $"S-{i + 1:D4}",
            });
        }
        return stores;
    }

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>An independent, reproducible random stream per collection.</summary>
    private static Random Stream(int seed, SeedStream stream) => new(unchecked(seed * 1_000_003 + (int)stream));

    // Append new streams at the end; never renumber (that would change existing seeded data).
    private enum SeedStream { User = 1, Stores = 2 }

    private static readonly string[] Cities =
        ["Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск", "Нижний Новгород", "Самара", "Краснодар"];

    private static readonly string[] Streets =
        ["ул. Ленина", "пр. Мира", "ул. Советская", "ул. Гагарина", "ул. Пушкина", "ул. Садовая", "ул. Набережная", "Невский пр."];
}

/// <summary>A seeded Evotor store, as the emulator serves it.</summary>
public sealed record SeedStore(
    string Id,
    string Name,
    string Address,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The extra field sent when <see cref="EmulatorOptions.UnknownFields"/> is on (<c>external_code</c>).</summary>
    public string ExternalCode { get; init; } = "";
}
