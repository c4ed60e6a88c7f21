using ApiTools.Emulator;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Input;
using ApiTools.Tests.Input;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Evotor;

/// <summary>Each write against the emulator, then read back through the public surface.</summary>
public class EvotorWritesClientTests
{
    private static Product Draft(string name, decimal price, string? id = null) => ProductInput.Read(new InputFields(new Dictionary<string, object?>
    {
        ["Id"] = id, ["Name"] = name, ["Price"] = price, ["MeasureName"] = "шт", ["Tax"] = "NO_VAT", ["AllowToSell"] = true,
        ["Type"] = "NORMAL", ["Barcodes"] = "111;222", ["Quantity"] = "1,5",
    }), "item 1", requireId: id is not null);

    private static int Writes(EmulatorServer server) =>
        server.Requests.Snapshot().Where(kv => !kv.Key.StartsWith("GET ")).Sum(kv => kv.Value);

    [Fact]
    public async Task Create_makes_an_id_and_the_product_reads_back_equal()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 3);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;

        var created = await client.CreateProductAsync(store, Draft("Хлеб \"Бородинский\", 400 г", 45.50m));
        var read = await client.GetProductAsync(store, created.Id);

        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal("Хлеб \"Бородинский\", 400 г", read.Name);
        Assert.Equal(45.50m, read.Price);
        Assert.Equal(1.5m, read.Quantity);
        Assert.Equal(new[] { "111", "222" }, read.Barcodes);
        Assert.Equal(store, read.StoreId);
        Assert.Equal(4, (await client.GetProductsAsync(store).ToListAsync()).Count);
    }

    [Fact]
    public async Task Put_creates_or_replaces_under_the_given_id()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 3);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var id = Guid.NewGuid().ToString();

        await client.PutProductAsync(store, Draft("Первый", 10m, id));
        await client.PutProductAsync(store, Draft("Второй", 20m, id));

        var read = await client.GetProductAsync(store, id);
        Assert.Equal("Второй", read.Name);
        Assert.Equal(20m, read.Price);
        Assert.Equal(4, (await client.GetProductsAsync(store).ToListAsync()).Count);
    }

    [Fact]
    public async Task Patch_changes_only_what_it_names_and_an_empty_one_is_never_sent()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 3);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var before = (await client.GetProductsAsync(store).ToListAsync())[1];

        var after = await client.PatchProductAsync(store, before.Id, new ProductPatch { Price = 10m });

        Assert.Equal(10m, after.Price);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Quantity, after.Quantity);
        Assert.Equal(10m, (await client.GetProductAsync(store, before.Id)).Price);

        var writes = Writes(server);
        await Assert.ThrowsAsync<ArgumentException>(() => client.PatchProductAsync(store, before.Id, new ProductPatch()));
        Assert.Equal(writes, Writes(server));
    }

    [Fact]
    public async Task Delete_one_then_it_is_gone()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 3);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var victim = server.Evotor.ProductsOf(store)[0].Id;

        await client.DeleteProductAsync(store, victim);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetProductAsync(store, victim));
        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
        Assert.DoesNotContain(await client.GetProductsAsync(store).ToListAsync(), p => p.Id == victim);
    }

    [Fact]
    public async Task Deleting_many_sends_at_most_100_ids_a_request()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 250; });
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var ids = server.Evotor.ProductsOf(store).Select(p => p.Id).ToList();

        await client.DeleteProductsAsync(store, ids);

        Assert.Equal(3, Writes(server)); // 100 + 100 + 50
        Assert.Empty(await client.GetProductsAsync(store).ToListAsync());
    }

    [Fact]
    public async Task The_server_violations_come_back_listed()
    {
        await using var server = await StartAsync();
        var draft = Draft("Товар", 1m);
        draft.ParentId = "no-such-group"; // passes the client's checks; only the server knows the groups

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => Client(server).CreateProductAsync(server.Evotor.Stores[0].Id, draft));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains(error.Violations, v => v.Subject == "parent_id");
        Assert.Contains("parent_id", error.Message);
    }

    [Fact]
    public async Task Groups_are_created_replaced_patched_and_deleted()
    {
        await using var server = await StartAsync();
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var draft = ProductGroupInput.Read(new InputFields(new Dictionary<string, object?> { ["Name"] = "Напитки", ["Attributes"] = "Объём(0,5 л|1 л)" }), "item 1", false);

        var created = await client.CreateProductGroupAsync(store, draft);
        var renamed = await client.PatchProductGroupAsync(store, created.Id, new ProductGroupPatch { Name = "Соки" });
        Assert.Equal("Соки", (await client.GetProductGroupAsync(store, created.Id)).Name);
        // The attribute and its choices come back named as sent, each with the id the server gave it (written into CSV).
        var attribute = Assert.Single(renamed.Attributes!);
        Assert.Equal("Объём", attribute.Name);
        Assert.Equal(new[] { "0,5 л", "1 л" }, attribute.Choices!.Select(c => c.Name));
        Assert.False(string.IsNullOrEmpty(attribute.Id));
        Assert.Equal($"Объём{{{attribute.Id}}}(0,5 л{{{attribute.Choices![0].Id}}}|1 л{{{attribute.Choices[1].Id}}})", renamed.Attributes!.ToString());

        await client.DeleteProductGroupAsync(store, created.Id);
        Assert.Equal(ApiErrorKind.NotFound, (await Assert.ThrowsAsync<ApiException>(() => client.GetProductGroupAsync(store, created.Id))).Kind);
    }

    [Fact]
    public async Task An_image_goes_up_lists_comes_back_byte_for_byte_and_is_removed()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 2);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        var png = TestPng.Make(64, 48);

        var image = await client.AddProductImageAsync(store, product, png, "milk.png");
        var listed = Assert.Single(await client.GetProductImagesAsync(store, product).ToListAsync());
        using var copy = new MemoryStream();
        var name = await client.DownloadProductImageAsync(store, product, image.Id, copy);

        Assert.Equal(image.Id, listed.Id);
        Assert.Equal((64, 48, "png", png.Length), (listed.Width, listed.Height, listed.Extension, (int)listed.FileSize!));
        Assert.NotNull(listed.Url);
        Assert.Equal(png, copy.ToArray());
        Assert.Equal("milk.png", name);

        await client.DeleteProductImageAsync(store, product, image.Id);
        Assert.Empty(await client.GetProductImagesAsync(store, product).ToListAsync());
    }

    [Fact]
    public async Task An_image_that_breaks_the_rules_is_refused_before_sending()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 1);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;

        var error = await Assert.ThrowsAsync<ApiValidationException>(() => Client(server).AddProductImageAsync(store, product, TestPng.Make(400, 10), "big.png"));

        Assert.Contains("400×10", error.Message);
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public async Task An_image_answered_as_metadata_comes_from_its_url_on_another_host_without_the_token()
    {
        await using var server = await StartAsync(o => { o.EvotorProductsPerStore = 2; o.EvotorImageAnswer = EvotorImageAnswer.Metadata; });
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        var png = TestPng.Make(30, 20);
        var image = server.Evotor.AddProductImage(store, product, "a.png", png);

        using var copy = new MemoryStream();
        await client.DownloadProductImageAsync(store, product, image.Id, copy);
        var metadata = await client.GetProductImageAsync(store, product, image.Id);

        Assert.Equal(png, copy.ToArray());
        var file = Assert.Single(server.Evotor.FileRequests);
        Assert.False(file.CarriedCredentials);
        Assert.NotEqual(server.EvotorBaseUri.Host, file.Host);
        Assert.Equal((30, 20, png.Length), (metadata.Width, metadata.Height, (int)metadata.FileSize!));
        Assert.Equal(new Uri(metadata.Url!).AbsolutePath, file.Path);
    }

    [Theory]
    [InlineData(EvotorWriteAnswer.Created)]
    [InlineData(EvotorWriteAnswer.NoContent)]
    [InlineData(EvotorWriteAnswer.Empty)]
    public async Task Writes_answered_without_a_body_give_their_usual_result_once(EvotorWriteAnswer answer)
    {
        await using var server = await StartAsync(o => { o.EvotorProductsPerStore = 3; o.EvotorWriteAnswer = answer; });
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;

        var created = await client.CreateProductAsync(store, Draft("Хлеб", 45.50m));
        var replaced = await client.PutProductAsync(store, Draft("Батон", 30m, "11111111-2222-3333-4444-555555555555"));
        var patched = await client.PatchProductAsync(store, replaced.Id, new ProductPatch { Price = 31m });

        if (answer == EvotorWriteAnswer.Empty)
        {
            // No Location: the item as sent (without the id only the server knows), and a read of the patched one.
            Assert.Equal("", created.Id);
        }
        else
        {
            Assert.Contains(server.Evotor.ProductsOf(store), p => p.Id == created.Id && p.Name == "Хлеб");
        }
        Assert.Equal(("Хлеб", 45.50m, store), (created.Name, created.Price, created.StoreId));
        Assert.Equal(("11111111-2222-3333-4444-555555555555", "Батон", 30m), (replaced.Id, replaced.Name, replaced.Price));
        Assert.Equal(31m, patched.Price);
        Assert.Equal("Батон", patched.Name);
        // Each write went once: a success without a body is never sent again.
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.CreateProduct));
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.PutProduct));
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.PatchProduct));
    }

    [Fact]
    public async Task A_bulk_task_named_only_by_its_Location_is_followed()
    {
        await using var server = await StartAsync(o => { o.EvotorProductsPerStore = 1; o.EvotorWriteAnswer = EvotorWriteAnswer.Created; o.EvotorBulkTaskDuration = TimeSpan.Zero; });
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;

        var task = await client.SendBulkAsync(store, ApiTools.Evotor.Bulk.BulkKind.Product,
            System.Text.Encoding.UTF8.GetBytes("""[{"id":"11111111-2222-3333-4444-555555555555","name":"Квас","price":50,"measure_name":"шт","tax":"VAT_20","allow_to_sell":true,"type":"NORMAL"}]"""));
        var polled = await client.GetBulkTaskAsync(task.Id);

        Assert.Equal("ACCEPTED", task.Status);
        Assert.Equal("COMPLETED", polled.Status);
        Assert.Contains(server.Evotor.ProductsOf(store), p => p.Name == "Квас" && p.Tax == "VAT_20");
    }
}
