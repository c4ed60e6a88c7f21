using System.Net;
using System.Text.Json;
using ApiTools.Evotor.Bulk;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Contract;

/// <summary>Published Evotor answers replayed through the client: every item comes out, and every leaf of each item
/// lands in a typed property or in Extra. One theory per folder of tests/contract/evotor that holds answers (request
/// bodies are replayed in <see cref="EvotorRequestReplayTests"/>).</summary>
public class EvotorReplayTests
{
    private const string Store = "20170228-F4F1-401B-80FA-9ECCA8451FFB";

    public static TheoryData<string> Stores() => Corpus.Cases("evotor", "stores-list");
    public static TheoryData<string> OneStore() => Corpus.Cases("evotor", "store");
    public static TheoryData<string> Devices() => Corpus.Cases("evotor", "devices-list");
    public static TheoryData<string> Employees() => Corpus.Cases("evotor", "employees-list");
    public static TheoryData<string> DocumentLists() => Corpus.Cases("evotor", "documents-list", "device-documents-list");
    public static TheoryData<string> Documents() => Corpus.Cases("evotor", Directory.GetDirectories(Path.Combine(Corpus.Root, "evotor"), "document-*").Select(Path.GetFileName).ToArray()!);
    public static TheoryData<string> ProductLists() => Corpus.Cases("evotor", "products-list");
    public static TheoryData<string> Products() => Corpus.Cases("evotor", "product");
    public static TheoryData<string> CreatedProducts() => Corpus.Cases("evotor", "product-create-response");
    public static TheoryData<string> GroupLists() => Corpus.Cases("evotor", "product-groups-list");
    public static TheoryData<string> Groups() => Corpus.Cases("evotor", "product-group");
    public static TheoryData<string> CreatedGroups() => Corpus.Cases("evotor", "product-group-create-response");
    public static TheoryData<string> BulkAnswers() => Corpus.Cases("evotor", "product-bulk-response", "product-group-bulk-response", "bulk");
    public static TheoryData<string> BulkLists() => Corpus.Cases("evotor", "bulks-list");
    public static TheoryData<string> ImageLists() => Corpus.Cases("evotor", "product-images-list");
    public static TheoryData<string> Images() => Corpus.Cases("evotor", "product-image", "product-image-create-response");
    public static TheoryData<string> Pages() => Corpus.Cases("evotor", "paging");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Store_lists(string file) => await ListLands(file, c => c.GetStoresAsync());

    [Theory]
    [MemberData(nameof(OneStore))]
    public async Task One_store(string file) => await OneLands(file, c => c.GetStoreAsync(Store));

    [Theory]
    [MemberData(nameof(Devices))]
    public async Task Device_lists(string file) => await ListLands(file, c => c.GetDevicesAsync());

    [Theory]
    [MemberData(nameof(Employees))]
    public async Task Employee_lists(string file)
    {
        var employees = await ListLands(file, c => c.GetEmployeesAsync());
        // Phones come as numbers and stores as ids or as {"storeUuid": id}: both read as text.
        Assert.All(employees, e => Assert.NotEmpty(e.Stores!));
        Assert.All(employees.SelectMany(e => e.Stores!), id => Assert.Matches("^[0-9A-Fa-f-]{36}$", id));
        Assert.All(employees.Where(e => e.Phone is not null), e => Assert.Matches("^[0-9]+$", e.Phone));
    }

    [Theory]
    [MemberData(nameof(DocumentLists))]
    public async Task Document_lists(string file) => await ListLands(file, c => c.GetDocumentsAsync(Store));

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Documents_by_id(string file)
    {
        var document = await OneLands(file, c => c.GetDocumentAsync(Store, "d1"));
        using var json = JsonDocument.Parse(Corpus.Read(file));
        if (!json.RootElement.TryGetProperty("body", out var body)) return;
        // Positions and payments are typed whether each comes bare or wrapped ({"position":{…}}).
        if (body.TryGetProperty("positions", out var positions))
        {
            Assert.Equal(positions.GetArrayLength(), document.Positions!.Count);
            Assert.All(document.Positions, p => Assert.True(p.ProductId is not null || p.ProductName is not null || p.Quantity is not null));
            Assert.All(document.Positions, p => Assert.DoesNotContain(" x = ", p.ToString()));
        }
        if (body.TryGetProperty("payments", out var payments))
        {
            Assert.Equal(payments.GetArrayLength(), document.Payments!.Count);
            Assert.All(document.Payments, p => Assert.NotNull(p.Type));
        }
    }

    [Theory]
    [MemberData(nameof(ProductLists))]
    public async Task Product_lists(string file)
    {
        var payload = Corpus.Read(file);
        // The app's saved catalogue ({"commodities":{"groups":[…],"products":[…]}}) is replayed as the two pages it was made of.
        if (payload.Contains("\"commodities\"", StringComparison.Ordinal))
        {
            using var dump = JsonDocument.Parse(payload);
            var commodities = dump.RootElement.GetProperty("commodities");
            var products = Page(commodities.GetProperty("products"));
            AssertItemsLand(products, await Replay.Evotor(products).GetProductsAsync(Store).ToListAsync(), file + " products");
            var groups = Page(commodities.GetProperty("groups"));
            AssertItemsLand(groups, await Replay.Evotor(groups).GetProductGroupsAsync(Store).ToListAsync(), file + " groups");
            return;
        }
        await ListLands(file, c => c.GetProductsAsync(Store));
    }

    [Theory]
    [MemberData(nameof(Products))]
    public async Task One_product(string file) => await OneLands(file, c => c.GetProductAsync(Store, "p1"));

    [Theory]
    [MemberData(nameof(CreatedProducts))]
    public async Task Product_created(string file) =>
        await OneLands(file, c => c.CreateProductAsync(Store, new Product { Name = "Товар", Price = 1, MeasureName = "шт", Tax = "NO_VAT", Type = "NORMAL", AllowToSell = true }));

    [Theory]
    [MemberData(nameof(GroupLists))]
    public async Task Group_lists(string file) => await ListLands(file, c => c.GetProductGroupsAsync(Store));

    [Theory]
    [MemberData(nameof(Groups))]
    public async Task One_group(string file) => await OneLands(file, c => c.GetProductGroupAsync(Store, "g1"));

    [Theory]
    [MemberData(nameof(CreatedGroups))]
    public async Task Group_created(string file) => await OneLands(file, c => c.CreateProductGroupAsync(Store, new ProductGroup { Name = "Группа" }));

    [Theory]
    [MemberData(nameof(BulkAnswers))]
    public async Task Bulk_tasks_as_accepted_and_as_polled(string file)
    {
        if (Corpus.Read(file).Trim() == "[]")
        {
            // The Java SDK's mock answer to a bulk POST: no task in it, so nothing to follow. Said once, clearly.
            var error = await Assert.ThrowsAsync<ApiTools.Errors.ApiException>(() => Replay.Evotor(Corpus.Read(file), status: HttpStatusCode.Accepted)
                .SendBulkAsync(Store, BulkKind.Product, "[]"u8.ToArray()));
            Assert.Equal(ApiTools.Errors.ApiErrorKind.ProtocolError, error.Kind);
            Assert.Contains("cannot be read", error.Message);
            return;
        }
        var accepted = await OneLands(file, c => c.SendBulkAsync(Store, BulkKind.Product, "[]"u8.ToArray()), HttpStatusCode.Accepted);
        var polled = await OneLands(file, c => c.GetBulkTaskAsync("b1"));
        Assert.Equal(accepted.Id, polled.Id);
        Assert.NotNull(polled.Status);
    }

    [Theory]
    [MemberData(nameof(BulkLists))]
    public async Task Bulk_task_lists(string file)
    {
        var payload = Corpus.Read(file);
        var tasks = await Replay.Evotor(payload).GetBulkTasksAsync().ToListAsync();
        using var json = JsonDocument.Parse(payload);
        // The documentation prints this page inside a list of one.
        var page = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0] : json.RootElement;
        AssertItemsLand(page.GetRawText(), tasks, file);
    }

    [Theory]
    [MemberData(nameof(ImageLists))]
    public async Task Image_lists(string file)
    {
        var images = await ListLands(file, c => c.GetProductImagesAsync(Store, "p1"));
        Assert.All(images, i => Assert.StartsWith("https://", i.Url));
        Assert.All(images, i => Assert.Equal(("png", 429L, 300, 300), (i.Extension, i.FileSize, i.Width, i.Height)));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public async Task One_image_as_got_and_as_uploaded(string file)
    {
        var got = await OneLands(file, c => c.GetProductImageAsync(Store, "p1", "i1"));
        var uploaded = await OneLands(file, c => c.AddProductImageAsync(Store, "p1", ApiTools.Tests.Input.TestPng.Make(300, 300), "a.png"));
        Assert.Equal(got.Url, uploaded.Url);
        Assert.NotNull(got.Url);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Generic_pages_follow_their_cursor(string file)
    {
        var replay = new CannedAnswers()
            .When(s => s.Query.Contains("cursor=string", StringComparison.Ordinal), _ => CannedAnswers.Answer("""{"items":[],"paging":{}}"""))
            .When(_ => true, _ => CannedAnswers.Answer(Corpus.Read(file)));
        var stores = await Replay.Evotor(replay).GetStoresAsync().ToListAsync();
        Assert.Single(stores);
        Assert.Equal(2, replay.Requests.Count); // the page's cursor was followed, under either name
    }

    [Theory]
    [InlineData("evotor/error-400/evoreact-invalid-format.json")]
    public async Task Error_bodies_keep_code_message_value_and_violations(string file)
    {
        var payload = Corpus.Read(file);
        var error = await Assert.ThrowsAsync<ApiTools.Errors.ApiValidationException>(() =>
            Replay.Evotor(payload, status: HttpStatusCode.BadRequest).GetStoreAsync(Store));
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("code").GetString(), error.ErrorCode);
        Assert.Contains(root.GetProperty("message").GetString()!, error.Message);
        Assert.Contains(root.GetProperty("value").GetString()!, error.Message);
        var violation = root.GetProperty("violations")[0];
        Assert.Contains(error.Violations, v => v.Subject == violation.GetProperty("subject").GetString() && v.Reason == violation.GetProperty("reason").GetString());
    }

    /// <summary>Replays a list and checks every item lands; returns the items.</summary>
    private static async Task<List<T>> ListLands<T>(string file, Func<ApiTools.Evotor.EvotorClient, IAsyncEnumerable<T>> list)
    {
        var payload = Corpus.Read(file);
        var observer = new RecordingObserver();
        var items = await list(Replay.Evotor(payload, observer)).ToListAsync();
        AssertItemsLand(payload, items, file);
        return items;
    }

    /// <summary>Replays one answer and checks every leaf of it lands in the model.</summary>
    private static async Task<T> OneLands<T>(string file, Func<ApiTools.Evotor.EvotorClient, Task<T>> call, HttpStatusCode status = HttpStatusCode.OK)
    {
        var payload = Corpus.Read(file);
        var model = await call(Replay.Evotor(payload, status: status));
        using var json = JsonDocument.Parse(payload);
        Leaves.AssertAllLand(Leaves.Of(json.RootElement), model, file);
        return model;
    }

    private static string Page(JsonElement items) => $"{{\"items\":{items.GetRawText()},\"paging\":{{}}}}";

    /// <summary>Each published item is one model, in order, and nothing of it is lost.</summary>
    internal static void AssertItemsLand<T>(string payload, IReadOnlyList<T> models, string file)
    {
        using var document = JsonDocument.Parse(payload);
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Count, models.Count);
        for (var i = 0; i < items.Count; i++) Leaves.AssertAllLand(Leaves.Of(items[i]), models[i], $"{file} item {i}");
    }
}
