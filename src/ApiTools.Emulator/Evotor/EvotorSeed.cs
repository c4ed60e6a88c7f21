using System.Collections;
using ApiTools.Emulator.Evotor;

namespace ApiTools.Emulator;

/// <summary>
/// The Evotor data an emulator starts with: deterministic for a seed, with timestamps relative to the
/// emulator's start so "changed in the last day" filters find something. Each collection draws from
/// its own random stream, so adding a collection leaves the others (and every test that names them)
/// unchanged. Lists are sorted by id (ordinal), the order pages use.
/// </summary>
public sealed class EvotorSeed
{
    private readonly Dictionary<string, SeedStore> _storesById;
    private readonly Dictionary<string, EvotorStoreData> _dataByStore;
    private readonly Dictionary<string, SeedDevice> _devicesById;
    private readonly Dictionary<string, SeedEmployee> _employeesById;

    private readonly EmulatorSettings _settings;

    private EvotorSeed(EmulatorSettings settings, DateTimeOffset startedAt, string userId, List<SeedStore> stores, int productsPerStore,
        List<SeedDevice> devices, List<SeedEmployee> employees, Dictionary<string, EvotorStoreData> dataByStore, EvotorBulkStore bulks)
    {
        _settings = settings;
        StartedAt = startedAt;
        UserId = userId;
        Stores = stores;
        ProductsPerStore = productsPerStore;
        Devices = devices;
        Employees = employees;
        Bulks = bulks;
        _storesById = stores.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _dataByStore = dataByStore;
        _devicesById = devices.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _employeesById = employees.ToDictionary(e => e.Id, StringComparer.Ordinal);
        Documents = [.. stores.SelectMany(s => dataByStore[s.Id].Documents)];
    }

    /// <summary>The moment the data was generated (UTC, whole milliseconds); seeded times are relative to it.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The account that owns every seeded object (Evotor's <c>user_id</c>).</summary>
    public string UserId { get; }

    /// <summary>Seeded stores, sorted by id (ordinal).</summary>
    public IReadOnlyList<SeedStore> Stores { get; }

    /// <summary>Products seeded per store.</summary>
    public int ProductsPerStore { get; }

    /// <summary>Smart terminals of every store, sorted by id (GET /devices order).</summary>
    public IReadOnlyList<SeedDevice> Devices { get; }

    /// <summary>Employees, sorted by id. The first is the ADMIN and works in every store.</summary>
    public IReadOnlyList<SeedEmployee> Employees { get; }

    /// <summary>
    /// Every store's products as they are now (writes included): store by store (in <see cref="Stores"/>
    /// order), each sorted by id. Generated on access; each call takes a new snapshot.
    /// </summary>
    public IReadOnlyList<SeedProduct> Products
    {
        get
        {
            AdvanceBulks();
            return new ConcatView<SeedProduct>([.. Stores.Select(s => _dataByStore[s.Id].Products.AsList())]);
        }
    }

    /// <summary>Every store's product groups as they are now: store by store, each sorted by id.</summary>
    public IReadOnlyList<SeedProductGroup> ProductGroups
    {
        get
        {
            AdvanceBulks();
            return [.. Stores.SelectMany(s => _dataByStore[s.Id].Groups)];
        }
    }

    /// <summary>Every store's documents: store by store, each sorted by id.</summary>
    public IReadOnlyList<SeedDocument> Documents { get; }

    /// <summary>Bulk tasks as they are now, sorted by id: the seeded ones and those POST/PUT +bulk created.</summary>
    public IReadOnlyList<SeedBulkTask> BulkTasks
    {
        get
        {
            AdvanceBulks();
            return Bulks.Snapshot();
        }
    }

    /// <summary>The bulk task with this id as it is now, or null.</summary>
    public SeedBulkTask? FindBulkTask(string id)
    {
        AdvanceBulks();
        return Bulks.Find(id);
    }

    internal EvotorBulkStore Bulks { get; }

    /// <summary>The store with this id, or null.</summary>
    public SeedStore? FindStore(string id) => _storesById.GetValueOrDefault(id);

    /// <summary>The device with this id, or null.</summary>
    public SeedDevice? FindDevice(string id) => _devicesById.GetValueOrDefault(id);

    /// <summary>The employee with this id, or null.</summary>
    public SeedEmployee? FindEmployee(string id) => _employeesById.GetValueOrDefault(id);

    /// <summary>
    /// A store's products as they are now (writes and finished bulk tasks included), sorted by id; empty for
    /// an unknown store. A snapshot: later writes do not change it. Generated on access, so cheap to hold for 1M products.
    /// </summary>
    public IReadOnlyList<SeedProduct> ProductsOf(string storeId) => Data(storeId)?.Products.AsList() ?? [];

    /// <summary>A store's product with this id as it is now, or null.</summary>
    public SeedProduct? FindProduct(string storeId, string id) => Data(storeId)?.Products.Find(id);

    /// <summary>A store's product groups as they are now, sorted by id (empty for an unknown store).</summary>
    public IReadOnlyList<SeedProductGroup> ProductGroupsOf(string storeId) => Data(storeId)?.Groups ?? [];

    /// <summary>A store's product group with this id as it is now, or null.</summary>
    public SeedProductGroup? FindProductGroup(string storeId, string id) => Data(storeId)?.FindGroup(id);

    /// <summary>A product's image (at most one), or null.</summary>
    public SeedProductImage? ImageOf(string storeId, string productId) => Data(storeId)?.Images.OfProduct(productId);

    /// <summary>
    /// Gives a product an image without going through HTTP, e.g. one whose <paramref name="fileName"/> is
    /// hostile ("../../evil.png") to prove clients sanitise it. The same checks as an upload apply
    /// (<see cref="ArgumentException"/>: unknown store or product, not a PNG, too large, one already there).
    /// </summary>
    public SeedProductImage AddProductImage(string storeId, string productId, string fileName, ReadOnlyMemory<byte> png)
    {
        var data = Data(storeId) ?? throw new ArgumentException($"no store {storeId}", nameof(storeId));
        var result = EvotorWrites.AddImage(data, productId, fileName, png, Now());
        return result.Image ?? throw new ArgumentException(result.Reason);
    }

    /// <summary>Requests for image files (the URLs image metadata names), in order, with whether each carried credentials.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<SeedFileRequest> FileRequests { get; } = new();

    /// <summary>Items bulk tasks have stored in a store so far (products and groups).</summary>
    public long BulkItemsApplied(string storeId) => Data(storeId)?.BulkItemsApplied ?? 0;

    /// <summary>A store's documents sorted by id (empty for an unknown store).</summary>
    public IReadOnlyList<SeedDocument> DocumentsOf(string storeId) => Data(storeId)?.Documents ?? [];

    /// <summary>A store's devices sorted by id (empty for an unknown store).</summary>
    public IReadOnlyList<SeedDevice> DevicesOf(string storeId) => Data(storeId)?.Devices ?? [];

    /// <summary>A store's data, after storing the items of bulk tasks that have finished by now.</summary>
    internal EvotorStoreData? Data(string storeId)
    {
        AdvanceBulks();
        return _dataByStore.GetValueOrDefault(storeId);
    }

    /// <summary>Now, in whole milliseconds (what the wire carries).</summary>
    internal static DateTimeOffset Now() => TruncateToMilliseconds(DateTimeOffset.UtcNow);

    /// <summary>
    /// Moves accepted bulk tasks on by the clock: every read of Evotor data calls this first, so a task's
    /// items appear exactly when it is seen as finished, with no timer or thread behind it.
    /// </summary>
    internal void AdvanceBulks() =>
        Bulks.Advance(Now(), _settings.EvotorBulkTaskDuration, (job, at) => EvotorWrites.FinishBulk(job, _dataByStore[job.StoreId], at));

    /// <summary>Back to the seeded data: writes, images and accepted bulk tasks are forgotten (a reset).</summary>
    internal void Restore()
    {
        Bulks.Restore();
        foreach (var data in _dataByStore.Values) data.Restore();
        FileRequests.Clear();
    }

    /// <summary>The seeded data; bulk tasks take the live <see cref="EmulatorSettings.EvotorBulkTaskDuration"/> of <paramref name="settings"/>.</summary>
    internal static EvotorSeed Generate(EmulatorOptions options, EmulatorSettings settings, DateTimeOffset now)
    {
        // Whole milliseconds: the wire format carries no more, and tests compare seeded values with parsed ones.
        var startedAt = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var seed = options.Seed;
        var userRandom = Stream(seed, SeedStream.User);
        var userId = "01-" + userRandom.NextInt64(1, 1_000_000_000_000_000).ToString("D15", System.Globalization.CultureInfo.InvariantCulture);
        var stores = GenerateStores(options.EvotorStores, Stream(seed, SeedStream.Stores), startedAt, userId);

        var generate = new EvotorSeedGenerator(startedAt, userId);
        var devices = generate.Devices(stores, options.EvotorDevicesPerStore, Stream(seed, SeedStream.Devices));
        var employees = generate.Employees(stores, options.EvotorEmployees, Stream(seed, SeedStream.Employees));
        var groupRandom = Stream(seed, SeedStream.ProductGroups);
        var documentRandom = Stream(seed, SeedStream.Documents);
        var data = new Dictionary<string, EvotorStoreData>(StringComparer.Ordinal);
        for (var i = 0; i < stores.Count; i++)
        {
            var store = stores[i];
            var groups = generate.ProductGroups(store, i, options.EvotorProductGroupsPerStore, groupRandom);
            var products = new EvotorProductStore(new ProductGenerator(seed, i, store.Id, userId, startedAt, groups), options.EvotorProductsPerStore);
            var storeDevices = devices.Where(d => d.StoreId == store.Id).ToList();
            var staff = employees.Where(e => e.Stores.Contains(store.Id)).ToList();
            var documents = generate.Documents(store, i, options.EvotorDocumentsPerStore, storeDevices, staff, products, documentRandom);
            data[store.Id] = new EvotorStoreData(store.Id, userId, products, groups, documents, storeDevices);
        }
        var firstStore = stores.Count > 0 ? data[stores[0].Id] : null;
        var bulks = new EvotorBulkStore(generate.BulkTasks(options.EvotorBulkTasks, firstStore, Stream(seed, SeedStream.BulkTasks)));
        return new EvotorSeed(settings, startedAt, userId, stores, options.EvotorProductsPerStore, devices, employees, data, bulks);
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

    internal static DateTimeOffset TruncateToMilliseconds(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    /// <summary>An independent, reproducible random stream per collection.</summary>
    private static Random Stream(int seed, SeedStream stream) => new(unchecked(seed * 1_000_003 + (int)stream));

    // Append new streams at the end; never renumber (that would change existing seeded data).
    // Products do not use these: each is generated from (seed, store index, ordinal), see ProductGenerator.
    private enum SeedStream { User = 1, Stores = 2, Devices = 3, Employees = 4, ProductGroups = 5, Documents = 6, BulkTasks = 7 }

    internal static readonly string[] Cities =
        ["Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск", "Нижний Новгород", "Самара", "Краснодар"];

    private static readonly string[] Streets =
        ["ул. Ленина", "пр. Мира", "ул. Советская", "ул. Гагарина", "ул. Пушкина", "ул. Садовая", "ул. Набережная", "Невский пр."];

    /// <summary>Lists one after another, without copying (for products generated on access).</summary>
    private sealed class ConcatView<T>(IReadOnlyList<T>[] parts) : IReadOnlyList<T>
    {
        public int Count => parts.Sum(p => p.Count);

        public T this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                foreach (var part in parts)
                {
                    if (index < part.Count) return part[index];
                    index -= part.Count;
                }
                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }

        public IEnumerator<T> GetEnumerator() => parts.SelectMany(p => p).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// A store's collections, as the endpoints read and write them. Products and groups are copy-on-write
/// (readers never lock); writers take <see cref="Gate"/>, so a write sees the groups it validates against.
/// </summary>
internal sealed class EvotorStoreData(
    string storeId,
    string userId,
    EvotorProductStore products,
    IReadOnlyList<SeedProductGroup> groups,
    IReadOnlyList<SeedDocument> documents,
    IReadOnlyList<SeedDevice> devices)
{
    private readonly Dictionary<string, SeedDocument> _documentsById = documents.ToDictionary(d => d.Id, StringComparer.Ordinal);
    private long _bulkItemsApplied;

    /// <summary>Held by every write to this store's products, groups and images.</summary>
    public Lock Gate { get; } = new();
    public string StoreId => storeId;
    public string UserId => userId;
    public EvotorProductStore Products => products;
    public EvotorGroupStore GroupStore { get; } = new(groups);
    public IReadOnlyList<SeedProductGroup> Groups => GroupStore.All;
    public EvotorImageStore Images { get; } = new();
    public IReadOnlyList<SeedDocument> Documents => documents;
    public IReadOnlyList<SeedDevice> Devices => devices;
    public long BulkItemsApplied => Interlocked.Read(ref _bulkItemsApplied);
    public SeedProductGroup? FindGroup(string id) => GroupStore.Find(id);
    public SeedDocument? FindDocument(string id) => _documentsById.GetValueOrDefault(id);
    public void CountBulkItems(int count) => Interlocked.Add(ref _bulkItemsApplied, count);

    public void Restore()
    {
        lock (Gate)
        {
            Products.Restore();
            GroupStore.Restore();
            Images.Clear();
            Interlocked.Exchange(ref _bulkItemsApplied, 0);
        }
    }
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
