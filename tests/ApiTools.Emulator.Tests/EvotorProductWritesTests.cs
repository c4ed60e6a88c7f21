using System.Net;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;
using static ApiTools.Emulator.Tests.EvotorWriteHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorProductWritesTests
{
    [Fact]
    public async Task Post_makes_a_new_id_sets_the_read_only_fields_and_reads_back_everywhere()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var created = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            ProductJson("Молоко", ""","id":"11111111-1111-4111-8111-111111111111","store_id":"elsewhere","user_id":"x","created_at":"2000-01-01T00:00:00.000+0000","quantity":1.5,"barcodes":["4601234567890"]"""),
            HttpStatusCode.OK);

        var id = Id(created);
        Assert.True(Guid.TryParseExact(id, "D", out _));
        Assert.NotEqual("11111111-1111-4111-8111-111111111111", id);
        Assert.Equal(store, created.GetProperty("store_id").GetString());
        Assert.Equal(server.Evotor.UserId, created.GetProperty("user_id").GetString());
        Assert.Matches(TimestampPattern, created.GetProperty("created_at").GetString()!);
        var createdAt = ParseTimestamp(created.GetProperty("created_at").GetString()!);
        Assert.InRange(createdAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(created.GetProperty("created_at").GetString(), created.GetProperty("updated_at").GetString());
        Assert.Equal(1.5m, created.GetProperty("quantity").GetDecimal());
        Assert.Equal(10.5m, created.GetProperty("price").GetDecimal());

        var (_, _, read) = await GetJsonAsync(client, $"evotor/stores/{store}/products/{id}");
        Assert.Equal(created.GetRawText(), read.GetRawText());
        var listed = await AllItemsAsync(client, $"evotor/stores/{store}/products");
        Assert.Equal(6, listed.Count);
        Assert.Equal(listed.Select(Id).Order(StringComparer.Ordinal), listed.Select(Id));
        Assert.Contains(id, listed.Select(Id));
        var since = await AllItemsAsync(client, $"evotor/stores/{store}/products", $"?since={createdAt.ToUnixTimeMilliseconds()}");
        Assert.Contains(id, since.Select(Id));
        Assert.Equal("Молоко", server.Evotor.FindProduct(store, id)!.Name);
        Assert.Contains(server.Evotor.ProductsOf(store), p => p.Id == id);
        Assert.Equal(11, server.Evotor.Products.Count);
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.CreateProduct));
    }

    [Fact]
    public async Task Put_creates_then_replaces_whole_keeping_created_at()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[1].Id;
        var id = Guid.NewGuid().ToString();
        var path = $"evotor/stores/{store}/products/{id}";

        var first = await ExpectAsync(client, HttpMethod.Put, path, ProductJson("Первый", ""","code":"77","quantity":3"""), HttpStatusCode.OK);
        var second = await ExpectAsync(client, HttpMethod.Put, path, ProductJson("Второй", $$""","id":"{{id}}" """), HttpStatusCode.OK);

        Assert.Equal(id, Id(first));
        Assert.Equal("Второй", second.GetProperty("name").GetString());
        Assert.False(second.TryGetProperty("code", out _));     // replaced whole: fields not sent are gone
        Assert.False(second.TryGetProperty("quantity", out _));
        Assert.Equal(first.GetProperty("created_at").GetString(), second.GetProperty("created_at").GetString());
        Assert.True(ParseTimestamp(second.GetProperty("updated_at").GetString()!) >= ParseTimestamp(first.GetProperty("updated_at").GetString()!));
        Assert.Equal(6, server.Evotor.ProductsOf(store).Count);
        Assert.Equal("Второй", server.Evotor.FindProduct(store, id)!.Name);

        // Replacing a seeded product keeps its created_at too.
        var seeded = server.Evotor.ProductsOf(store)[0];
        var replaced = await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products/{seeded.Id}", ProductJson("Новое имя"), HttpStatusCode.OK);
        Assert.Equal(seeded.CreatedAt, ParseTimestamp(replaced.GetProperty("created_at").GetString()!));

        Assert.Equal(["id"], await BadRequestSubjectsAsync(client, HttpMethod.Put, path, ProductJson("X", ""","id":"22222222-2222-4222-8222-222222222222" """)));
        Assert.Equal(["id"], await BadRequestSubjectsAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products/not-a-uuid", ProductJson()));
        Assert.Equal(5, server.Requests.Count(EvotorRouteKeys.PutProduct));
    }

    [Fact]
    public async Task Patch_takes_only_quantity_price_and_cost_price()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.ProductsOf(store)[2];
        var path = $"evotor/stores/{store}/products/{seeded.Id}";

        var patched = await ExpectAsync(client, HttpMethod.Patch, path, """{"price":1.5,"quantity":-2.125,"cost_price":0.99,"updated_at":"x"}""", HttpStatusCode.OK);

        Assert.Equal(1.5m, patched.GetProperty("price").GetDecimal());
        Assert.Equal(-2.125m, patched.GetProperty("quantity").GetDecimal());
        Assert.Equal(0.99m, patched.GetProperty("cost_price").GetDecimal());
        Assert.Equal(seeded.Name, patched.GetProperty("name").GetString());
        Assert.Equal(seeded.CreatedAt, ParseTimestamp(patched.GetProperty("created_at").GetString()!));
        Assert.True(ParseTimestamp(patched.GetProperty("updated_at").GetString()!) >= server.Evotor.StartedAt);
        var stored = server.Evotor.FindProduct(store, seeded.Id)!;
        Assert.Equal((1.5m, -2.125m, seeded.Barcodes), (stored.Price, stored.Quantity!.Value, stored.Barcodes));

        Assert.Equal(["name"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, path, """{"name":"x","price":1}"""));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, path, "{}"));
        Assert.Equal(["colour", "cost_price", "price", "quantity"],
            await BadRequestSubjectsAsync(client, HttpMethod.Patch, path, """{"price":1.555,"quantity":10000000,"cost_price":-1,"colour":"red"}"""));
        Assert.Equal(["price"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, path, """{"price":null}"""));
        Assert.Equal(1.5m, server.Evotor.FindProduct(store, seeded.Id)!.Price); // refused patches change nothing
        await ExpectAsync(client, HttpMethod.Patch, $"evotor/stores/{store}/products/{Guid.NewGuid()}", """{"price":1}""", HttpStatusCode.NotFound);
        Assert.Equal(6, server.Requests.Count(EvotorRouteKeys.PatchProduct));
    }

    [Fact]
    public async Task Validation_lists_every_violation_with_its_field()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var body = $$"""
            {"name":"","price":-1,"tax":"VAT_99","allow_to_sell":"yes","type":"FOOD","quantity":1.2345,
             "article_number":"{{new string('a', 21)}}","code":"12345678901","description":1001,
             "barcodes":["","1"],"alcocodes":["123"],"attributes_choices":{"a":1},"parent_id":"{{Guid.NewGuid()}}",
             "cost_price":1.0001,"colour":"red","store_id":"ignored"}
            """;

        var error = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", body, HttpStatusCode.BadRequest);

        var violations = Violations(error);
        Assert.Equal(
            ["alcocodes", "allow_to_sell", "article_number", "attributes_choices", "barcodes", "code", "colour", "cost_price", "description",
             "measure_name", "name", "parent_id", "price", "quantity", "tax", "type"],
            violations.Select(v => v.Subject).Order(StringComparer.Ordinal));
        Assert.Contains(("name", "размер должен находиться в диапазоне от 1 до 128"), violations);
        Assert.Contains(("measure_name", "не должно быть пустым"), violations);
        Assert.Contains(("colour", "неизвестное поле"), violations);
        Assert.Equal(5, server.Evotor.ProductsOf(store).Count);

        Assert.Equal(["barcodes", "description"],
            await BadRequestSubjectsAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", ProductJson("X", ""","description":null,"barcodes":["1",null]""")));
        Assert.Equal(["name"], await BadRequestSubjectsAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", ProductJson(new string('я', 129))));
        // What the references show is taken: today's VAT rate, a long description, a cost price with 3 decimals (Evotor's own example).
        await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            ProductJson("Сидр", $$""","tax":"VAT_20","description":"{{new string('d', 5000)}}","cost_price":100.123""").Replace("\"tax\":\"NO_VAT\",", ""), HttpStatusCode.OK);
        Assert.Equal(["price"], await BadRequestSubjectsAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            ProductJson().Replace("10.5", "10000000")));
        // JSON the server cannot read: invalid_format, saying where it stopped, as the service answers it.
        var unreadable = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", "{not json", HttpStatusCode.BadRequest);
        Assert.Equal(("invalid_format", "line 1, column 2"), (unreadable.GetProperty("code").GetString(), unreadable.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Every_optional_field_is_taken_and_kept()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var group = server.Evotor.ProductGroupsOf(store)[0];
        var extra = $$"""
            ,"parent_id":"{{group.Id}}","cost_price":5,"quantity":0.125,"description":"Описание","article_number":"АРТ-1","code":"1234567890",
            "barcodes":["4601234567890"],"alcocodes":["0123456789012345678"],"alcohol_by_volume":40,"alcohol_product_kind_code":200,
            "tare_volume":0.5,"attributes_choices":{"a":"b"}
            """;

        var created = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            ProductJson("Водка", extra).Replace("\"NORMAL\"", "\"ALCOHOL_MARKED\""), HttpStatusCode.OK);

        var p = server.Evotor.FindProduct(store, Id(created))!;
        Assert.Equal((group.Id, 5m, 0.125m, "Описание", "АРТ-1", "1234567890"), (p.ParentId, p.CostPrice!.Value, p.Quantity!.Value, p.Description, p.ArticleNumber, p.Code));
        Assert.Equal(["0123456789012345678"], p.Alcocodes!);
        Assert.Equal((40m, 200, 0.5m), (p.AlcoholByVolume!.Value, p.AlcoholProductKindCode!.Value, p.TareVolume!.Value));
        Assert.Equal("b", p.AttributesChoices!["a"]);
        Assert.Equal("ALCOHOL_MARKED", created.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Delete_one_or_a_list_and_they_vanish()
    {
        await using var server = await StartAsync(o => o.EvotorProductsPerStore = 120);
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var ids = server.Evotor.ProductsOf(store).Select(p => p.Id).ToList();

        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products/{ids[0]}", null, HttpStatusCode.NoContent);
        await AssertNotFoundAsync(client, $"evotor/stores/{store}/products/{ids[0]}");
        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products/{ids[0]}", null, HttpStatusCode.NotFound);

        var missing = Guid.NewGuid().ToString();
        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products?id={ids[1]},{ids[2]},{missing}", null, HttpStatusCode.NoContent);
        var listed = (await AllItemsAsync(client, $"evotor/stores/{store}/products")).Select(Id).ToList();
        Assert.Equal(ids.Skip(3), listed);
        Assert.Equal(ids.Skip(3), server.Evotor.ProductsOf(store).Select(p => p.Id));

        var hundredAndOne = string.Join(",", ids.Skip(3).Take(100).Append(missing));
        Assert.Equal(["id"], await BadRequestSubjectsAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products?id={hundredAndOne}", null));
        Assert.Equal(["id"], await BadRequestSubjectsAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products", null));
        Assert.Equal(117, server.Evotor.ProductsOf(store).Count);
        var hundred = string.Join(",", ids.Skip(3).Take(100));
        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products?id={hundred}", null, HttpStatusCode.NoContent);
        Assert.Equal(17, server.Evotor.ProductsOf(store).Count);
        Assert.Equal(4, server.Requests.Count(EvotorRouteKeys.DeleteProducts));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.DeleteProduct));
    }

    [Fact]
    public async Task Bodies_over_10_MB_are_413_declared_or_chunked()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var path = $"evotor/stores/{server.Evotor.Stores[0].Id}/products";
        var big = ProductJson("X", $$""","description":"{{new string('a', 11 * 1024 * 1024)}}" """);

        var error = await ExpectAsync(client, HttpMethod.Post, path, big, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("payload_too_large", error.GetProperty("code").GetString());

        // Without Content-Length: the bytes read are counted.
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(big))),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", V2Json);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(5, server.Evotor.ProductsOf(server.Evotor.Stores[0].Id).Count);
    }

    [Fact]
    public async Task Content_types_arrays_and_unknown_stores()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var path = $"evotor/stores/{store}/products";

        await ExpectAsync(client, HttpMethod.Post, path, ProductJson(), HttpStatusCode.OK, "application/json; charset=utf-8");
        Assert.Equal(["content-type"], await BadRequestSubjectsAsync(client, HttpMethod.Post, path, ProductJson(), "text/plain"));
        Assert.Equal(["content-type"], await BadRequestSubjectsAsync(client, HttpMethod.Post, path, null));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Post, path, $"[{ProductJson()}]"));
        Assert.Equal(["content-type"], await BadRequestSubjectsAsync(client, HttpMethod.Put, path, $"[{ProductJson()}]"));
        await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{Guid.NewGuid()}/products", ProductJson(), HttpStatusCode.NotFound);
        Assert.Equal(6, server.Evotor.ProductsOf(store).Count);
    }

    [Fact]
    public async Task Writes_go_through_auth_faults_and_counting_and_reset_restores_the_seed()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        using var anonymous = Client(server, bearer: null);
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.ProductsOf(store).Select(p => p.Id).ToList();
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.PutProduct, Status = 503 });
        var id = Guid.NewGuid().ToString();

        await ExpectAsync(anonymous, HttpMethod.Put, $"evotor/stores/{store}/products/{id}", ProductJson(), HttpStatusCode.Unauthorized);
        await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products/{id}", ProductJson(), HttpStatusCode.ServiceUnavailable);
        Assert.Null(server.Evotor.FindProduct(store, id));
        await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products/{id}", ProductJson(), HttpStatusCode.OK);
        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products/{seeded[0]}", null, HttpStatusCode.NoContent);
        Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.PutProduct));

        server.Reset();

        Assert.Equal(seeded, server.Evotor.ProductsOf(store).Select(p => p.Id));
        await AssertNotFoundAsync(client, $"evotor/stores/{store}/products/{id}");
    }

    [Fact]
    public async Task Pages_stay_whole_while_writes_go_on()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 2000; o.MaxPageSize = 100; });
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.ProductsOf(store).Select(p => p.Id).ToList();

        var writes = Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
                await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", ProductJson(), HttpStatusCode.OK);
        }));
        var reads = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AllItemsAsync(client, $"evotor/stores/{store}/products")));
        await writes;
        var pages = await reads;

        foreach (var items in pages)
        {
            var ids = items.Select(Id).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);             // keyset pages: ascending, no repeats
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(seeded, id => Assert.Contains(id, ids));
        }
        Assert.Equal(2200, server.Evotor.ProductsOf(store).Count);
    }

    /// <summary>A read-only stream HttpClient cannot measure, so it sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
