using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorProductsTests
{
    private static readonly string[] ProductTypes = ["NORMAL", "ALCOHOL_MARKED", "ALCOHOL_NOT_MARKED", "TOBACCO_MARKED", "SERVICE"];
    private static readonly string[] Taxes = ["NO_VAT", "VAT_0", "VAT_10", "VAT_10_110", "VAT_18", "VAT_18_118"];

    [Fact]
    public async Task Products_of_every_store_page_by_id_and_match_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 3, MaxPageSize = 7 });
        using var client = Client(server);

        foreach (var store in server.Evotor.Stores)
        {
            var pages = await AllPagesAsync(client, $"evotor/stores/{store.Id}/products");

            Assert.Equal([7, 7, 7, 4], pages.Select(p => p.Count));
            var items = pages.SelectMany(p => p).ToList();
            var seeded = server.Evotor.ProductsOf(store.Id);
            Assert.Equal(25, seeded.Count);
            Assert.Equal(seeded.Select(p => p.Id), items.Select(Id));
            Assert.Equal(seeded.Select(p => p.Id).Order(StringComparer.Ordinal), seeded.Select(p => p.Id));
            for (var i = 0; i < items.Count; i++) AssertProduct(seeded[i], items[i], server.Evotor);
        }
        Assert.Equal(12, server.Requests.Count(EvotorRouteKeys.Products));
        Assert.Equal(75, server.Evotor.Products.Count);
    }

    [Fact]
    public async Task Optional_fields_vary_and_values_keep_their_limits()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, EvotorProductsPerStore = 60 });
        var products = server.Evotor.Products.ToList();

        Assert.Contains(products, p => p.ParentId is null && p.CostPrice is null && p.Quantity is null && p.Description is null
            && p.ArticleNumber is null && p.Code is null && p.Barcodes is null && p.AttributesChoices is null);
        Assert.Contains(products, p => p.ParentId is not null && p.CostPrice is not null && p.Quantity is not null && p.Description is not null
            && p.ArticleNumber is not null && p.Code is not null && p.Barcodes is { Count: > 1 } && p.Alcocodes is not null
            && p.AlcoholByVolume is not null && p.AlcoholProductKindCode is not null && p.TareVolume is not null && p.AttributesChoices is not null);
        Assert.Contains(products, p => p.Price != decimal.Truncate(p.Price));              // kopecks
        Assert.Contains(products, p => p.Quantity is { } q && q != decimal.Truncate(q));     // weighed quantities
        Assert.Contains(products, p => p.Name.Contains('"') && p.Name.Contains(','));       // CSV edge cases
        Assert.Contains(products, p => p.Name.Length == 128);
        Assert.All(ProductTypes, t => Assert.Contains(products, p => p.Type == t));
        Assert.All(products, p =>
        {
            Assert.InRange(p.Name.Length, 1, 128);
            Assert.Contains(p.Type, ProductTypes);
            Assert.Contains(p.Tax, Taxes);
            Assert.Equal(p.Price, Math.Round(p.Price, 2));
            if (p.CostPrice is { } cost) Assert.Equal(cost, Math.Round(cost, 2));
            if (p.Quantity is { } q) Assert.Equal(q, Math.Round(q, 3));
            if (p.ArticleNumber is not null) Assert.True(p.ArticleNumber.Length <= 20);
            if (p.Code is not null) Assert.True(p.Code.Length <= 10);
            if (p.Alcocodes is not null)
            {
                Assert.Contains(p.Type, new[] { "ALCOHOL_MARKED", "ALCOHOL_NOT_MARKED" });
                Assert.All(p.Alcocodes, c => Assert.Equal(19, c.Length));
            }
            if (p.Type is not ("ALCOHOL_MARKED" or "ALCOHOL_NOT_MARKED"))
                Assert.True(p.Alcocodes is null && p.AlcoholByVolume is null && p.AlcoholProductKindCode is null && p.TareVolume is null);
            Assert.True(p.UpdatedAt >= p.CreatedAt && p.UpdatedAt <= server.Evotor.StartedAt);
            if (p.ParentId is not null)
            {
                var group = Assert.Single(server.Evotor.ProductGroupsOf(p.StoreId), g => g.Id == p.ParentId);
                if (p.AttributesChoices is not null)
                    Assert.All(p.AttributesChoices, c =>
                        Assert.Contains(group.Attributes!.Single(a => a.Id == c.Key).Choices, choice => choice.Id == c.Value));
            }
        });
    }

    [Fact]
    public async Task Since_filters_by_updated_at_and_the_cursor_carries_it()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorProductsPerStore = 40, MaxPageSize = 3 });
        using var client = Client(server);
        var store = server.Evotor.Stores[0];
        var since = server.Evotor.StartedAt.AddDays(-1);
        var expected = server.Evotor.ProductsOf(store.Id).Where(p => p.UpdatedAt >= since).Select(p => p.Id).ToList();

        var pages = await AllPagesAsync(client, $"evotor/stores/{store.Id}/products", $"?since={since.ToUnixTimeMilliseconds()}");

        Assert.InRange(expected.Count, 10, 39); // some, not all
        Assert.Equal(expected, pages.SelectMany(p => p).Select(Id));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Count));
        Assert.NotEmpty(pages[^1]);

        // since is inclusive, to the millisecond.
        var one = server.Evotor.ProductsOf(store.Id)[5];
        var exact = await AllItemsAsync(client, $"evotor/stores/{store.Id}/products", $"?since={one.UpdatedAt.ToUnixTimeMilliseconds()}");
        Assert.Contains(one.Id, exact.Select(Id));
        Assert.DoesNotContain(exact, p => ParseTimestamp(p.GetProperty("updated_at").GetString()!) < one.UpdatedAt);
    }

    [Fact]
    public async Task Filters_given_with_a_cursor_are_ignored()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, MaxPageSize = 5 });
        using var client = Client(server);
        var path = $"evotor/stores/{server.Evotor.Stores[0].Id}/products";

        var (_, _, first) = await GetJsonAsync(client, path);
        var cursor = Uri.EscapeDataString(first.GetProperty("paging").GetProperty("next_cursor").GetString()!);
        var (response, _, second) = await GetJsonAsync(client, $"{path}?cursor={cursor}&since=99999999999999");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(server.Evotor.ProductsOf(server.Evotor.Stores[0].Id)[5].Id, Id(second.GetProperty("items")[0]));
    }

    [Theory]
    [InlineData("since=abc")]
    [InlineData("since=-5")]
    [InlineData("since=")]
    [InlineData("since=1.5")]
    public async Task Bad_since_is_400(string query)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        await AssertBadRequestAsync(client, $"evotor/stores/{server.Evotor.Stores[0].Id}/products?{query}", "since");
    }

    [Fact]
    public async Task Product_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[1];
        var product = server.Evotor.ProductsOf(store.Id)[11];

        var (response, _, json) = await GetJsonAsync(client, $"evotor/stores/{store.Id}/products/{product.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProduct(product, json, server.Evotor);
        // Regenerated from its index: equal values (the lists are new instances, so they are swapped in to compare the rest).
        Assert.Equal(product, server.Evotor.FindProduct(store.Id, product.Id)! with { Barcodes = product.Barcodes, Alcocodes = product.Alcocodes, AttributesChoices = product.AttributesChoices });
        await AssertNotFoundAsync(client, $"evotor/stores/{server.Evotor.Stores[0].Id}/products/{product.Id}"); // another store's product
        await AssertNotFoundAsync(client, $"evotor/stores/{store.Id}/products/00000000-0000-4000-8000-000000000000");
        await AssertNotFoundAsync(client, $"evotor/stores/20990101-0000-0000-0000-000000000000/products/{product.Id}");
        await AssertNotFoundAsync(client, "evotor/stores/20990101-0000-0000-0000-000000000000/products");
        Assert.Equal(4, server.Requests.Count(EvotorRouteKeys.Product));
    }

    [Fact]
    public async Task Product_groups_page_and_match_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, EvotorProductGroupsPerStore = 7, MaxPageSize = 3 });
        using var client = Client(server);

        foreach (var store in server.Evotor.Stores)
        {
            var pages = await AllPagesAsync(client, $"evotor/stores/{store.Id}/product-groups");
            var seeded = server.Evotor.ProductGroupsOf(store.Id);

            Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
            var items = pages.SelectMany(p => p).ToList();
            Assert.Equal(seeded.Select(g => g.Id), items.Select(Id));
            for (var i = 0; i < items.Count; i++)
            {
                var (g, item) = (seeded[i], items[i]);
                AssertNoNulls(item);
                Assert.Equal(store.Id, item.GetProperty("store_id").GetString());
                Assert.Equal(g.Name, item.GetProperty("name").GetString());
                Assert.Equal(g.ParentId, item.TryGetProperty("parent_id", out var parent) ? parent.GetString() : null);
                if (g.ParentId is not null) Assert.Contains(seeded, other => other.Id == g.ParentId);
                Assert.Equal(g.Barcodes, item.TryGetProperty("barcodes", out var b) ? b.EnumerateArray().Select(x => x.GetString()!).ToList() : null);
                if (g.Attributes is null) Assert.False(item.TryGetProperty("attributes", out _));
                else
                {
                    var attributes = item.GetProperty("attributes").EnumerateArray().ToList();
                    Assert.Equal(g.Attributes.Select(a => a.Id), attributes.Select(Id));
                    Assert.Equal(g.Attributes.SelectMany(a => a.Choices).Select(c => c.Name),
                        attributes.SelectMany(a => a.GetProperty("choices").EnumerateArray()).Select(c => c.GetProperty("name").GetString()));
                }
                Assert.Equal(g.UpdatedAt, ParseTimestamp(item.GetProperty("updated_at").GetString()!));
            }
        }
        Assert.Contains(server.Evotor.ProductGroups, g => g.ParentId is not null);
        Assert.Contains(server.Evotor.ProductGroups, g => g.ParentId is null && g.Barcodes is null);
        Assert.Equal(14, server.Evotor.ProductGroups.Count);
    }

    [Fact]
    public async Task Product_group_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0];
        var group = server.Evotor.ProductGroupsOf(store.Id)[2];

        var (response, _, json) = await GetJsonAsync(client, $"evotor/stores/{store.Id}/product-groups/{group.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(group.Name, json.GetProperty("name").GetString());
        await AssertNotFoundAsync(client, $"evotor/stores/{server.Evotor.Stores[1].Id}/product-groups/{group.Id}");
        await AssertNotFoundAsync(client, $"evotor/stores/nope/product-groups");
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.ProductGroups));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.ProductGroup));
    }

    [Fact]
    public async Task A_hundred_thousand_products_seed_fast_and_page_completely()
    {
        var watch = Stopwatch.StartNew();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorProductsPerStore = 100_000 });
        var seeded = watch.Elapsed;
        using var client = Client(server);
        var path = $"evotor/stores/{server.Evotor.Stores[0].Id}/products";

        var count = 0;
        string? last = null;
        var next = path;
        for (var page = 0; page < 200; page++)
        {
            // Parse only what is counted: the ids.
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
            {
                var id = Id(item);
                Assert.True(last is null || string.CompareOrdinal(last, id) < 0, "ids must ascend");
                last = id;
                count++;
            }
            if (!json.RootElement.GetProperty("paging").TryGetProperty("next_cursor", out var cursor)) break;
            next = path + "?cursor=" + Uri.EscapeDataString(cursor.GetString()!);
        }

        Assert.Equal(100_000, count);
        Assert.Equal(100, server.Requests.Count(EvotorRouteKeys.Products));
        Assert.True(seeded < TimeSpan.FromSeconds(3), $"seeding took {seeded}");
    }

    internal static void AssertProduct(SeedProduct p, JsonElement item, EvotorSeed seed)
    {
        AssertNoNulls(item);
        var names = item.EnumerateObject().Select(x => x.Name).ToList();
        string[] order =
        [
            "id", "store_id", "parent_id", "name", "type", "measure_name", "tax", "allow_to_sell", "price", "cost_price", "quantity",
            "description", "article_number", "code", "barcodes", "alcocodes", "alcohol_by_volume", "alcohol_product_kind_code",
            "tare_volume", "attributes_choices", "classification_code", "user_id", "created_at", "updated_at",
        ];
        Assert.Equal(order.Where(names.Contains), names);
        Assert.Equal(p.Id, Id(item));
        Assert.Equal(p.StoreId, item.GetProperty("store_id").GetString());
        Assert.Equal(p.ParentId, Optional(item, "parent_id")?.GetString());
        Assert.Equal(p.Name, item.GetProperty("name").GetString());
        Assert.Equal(p.Type, item.GetProperty("type").GetString());
        Assert.Equal(p.MeasureName, item.GetProperty("measure_name").GetString());
        Assert.Equal(p.Tax, item.GetProperty("tax").GetString());
        Assert.Equal(p.AllowToSell, item.GetProperty("allow_to_sell").GetBoolean());
        Assert.Equal(p.Price, item.GetProperty("price").GetDecimal());
        Assert.Equal(p.CostPrice, Optional(item, "cost_price")?.GetDecimal());
        Assert.Equal(p.Quantity, Optional(item, "quantity")?.GetDecimal());
        Assert.Equal(p.Description, Optional(item, "description")?.GetString());
        Assert.Equal(p.ArticleNumber, Optional(item, "article_number")?.GetString());
        Assert.Equal(p.Code, Optional(item, "code")?.GetString());
        Assert.Equal(p.Barcodes, Optional(item, "barcodes")?.EnumerateArray().Select(x => x.GetString()!).ToList());
        Assert.Equal(p.Alcocodes, Optional(item, "alcocodes")?.EnumerateArray().Select(x => x.GetString()!).ToList());
        Assert.Equal(p.AlcoholByVolume, Optional(item, "alcohol_by_volume")?.GetDecimal());
        Assert.Equal(p.AlcoholProductKindCode, Optional(item, "alcohol_product_kind_code")?.GetInt32());
        Assert.Equal(p.TareVolume, Optional(item, "tare_volume")?.GetDecimal());
        Assert.Equal(p.AttributesChoices?.OrderBy(x => x.Key),
            Optional(item, "attributes_choices")?.EnumerateObject().Select(x => KeyValuePair.Create(x.Name, x.Value.GetString()!)).OrderBy(x => x.Key));
        Assert.Equal(seed.UserId, item.GetProperty("user_id").GetString());
        Assert.Equal(p.CreatedAt, ParseTimestamp(item.GetProperty("created_at").GetString()!));
        Assert.Equal(p.UpdatedAt, ParseTimestamp(item.GetProperty("updated_at").GetString()!));
    }

    private static JsonElement? Optional(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value : null;
}
