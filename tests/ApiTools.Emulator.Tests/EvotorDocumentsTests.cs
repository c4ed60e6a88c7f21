using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorDocumentsTests
{
    [Fact]
    public async Task Documents_of_every_store_page_by_id_and_match_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, MaxPageSize = 9 });
        using var client = Client(server);

        foreach (var store in server.Evotor.Stores)
        {
            var pages = await AllPagesAsync(client, $"evotor/stores/{store.Id}/documents");
            var seeded = server.Evotor.DocumentsOf(store.Id);

            Assert.Equal(40, seeded.Count);
            Assert.Equal([9, 9, 9, 9, 4], pages.Select(p => p.Count));
            var items = pages.SelectMany(p => p).ToList();
            Assert.Equal(seeded.Select(d => d.Id), items.Select(Id));
            Assert.Equal(seeded.Select(d => d.Id).Order(StringComparer.Ordinal), seeded.Select(d => d.Id));
            for (var i = 0; i < items.Count; i++) AssertDocument(seeded[i], items[i], server.Evotor);
        }
        Assert.Equal(10, server.Requests.Count(EvotorRouteKeys.Documents));
    }

    [Fact]
    public async Task Seeded_documents_are_consistent()
    {
        await using var server = await EmulatorServer.StartAsync();
        var seed = server.Evotor;

        Assert.Equal(200, seed.Documents.Count);
        Assert.All(seed.Documents, d =>
        {
            var device = seed.FindDevice(d.DeviceId);
            Assert.NotNull(device);
            Assert.Equal(d.StoreId, device.StoreId);
            Assert.Equal(device.TimezoneOffset, d.TimeZoneOffset);
            Assert.InRange(d.CloseDate, seed.StartedAt.AddDays(-31), seed.StartedAt);
            Assert.Contains(seed.Employees, e => e.Id == d.CloseUserId && e.Stores.Contains(d.StoreId));
            Assert.Equal("V2", d.Version);
            if (d.Type is "SELL" or "PAYBACK")
            {
                var body = Assert.IsType<SeedDocumentBody>(d.Body);
                Assert.NotEmpty(body.Positions);
                Assert.All(body.Positions, p =>
                {
                    Assert.Equal(Math.Round(p.Quantity * p.Price, 2, MidpointRounding.AwayFromZero), p.Sum);
                    Assert.Equal(p.Sum, p.ResultSum);
                    Assert.Equal(p.ProductName, seed.FindProduct(d.StoreId, p.ProductId)!.Name);
                    Assert.Equal(p.Quantity, Math.Round(p.Quantity, 3));
                });
                Assert.Equal(body.Positions.Sum(p => p.Sum), body.Sum);
                Assert.Equal(body.Positions.Sum(p => p.ResultSum), body.ResultSum);
                Assert.Equal(body.ResultSum, body.Payments.Sum(p => p.Sum));
            }
        });
        // Sessions: each opens, mostly sells; a session's documents share id, number and device.
        Assert.All(seed.Documents.GroupBy(d => d.SessionId), session =>
        {
            Assert.Single(session.Select(d => d.DeviceId).Distinct());
            Assert.Single(session.Select(d => d.SessionNumber).Distinct());
            Assert.Equal("OPEN_SESSION", session.MinBy(d => d.CloseDate)!.Type);
        });
        Assert.True(seed.Documents.Count(d => d.Type == "SELL") > seed.Documents.Count / 2);
        Assert.Contains(seed.Documents, d => d.Type == "PAYBACK");
        Assert.Contains(seed.Documents, d => d.Type == "CLOSE_SESSION");
        Assert.Contains(seed.Documents, d => d.CloseDate < seed.StartedAt.AddDays(-25));
        // Every store sold several times within the last day.
        Assert.All(seed.Stores, s => Assert.True(
            seed.DocumentsOf(s.Id).Count(d => d.Type == "SELL" && d.CloseDate >= seed.StartedAt.AddDays(-1)) >= 3));
    }

    [Fact]
    public async Task Since_until_and_type_filter_and_the_cursor_carries_them()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorDocumentsPerStore = 120, MaxPageSize = 4 });
        using var client = Client(server);
        var store = server.Evotor.Stores[0];
        var all = server.Evotor.DocumentsOf(store.Id);
        var since = server.Evotor.StartedAt.AddDays(-20);
        var until = server.Evotor.StartedAt.AddDays(-1);
        string[] types = ["SELL", "PAYBACK"];
        var expected = all.Where(d => d.CloseDate >= since && d.CloseDate < until && types.Contains(d.Type)).Select(d => d.Id).ToList();

        var pages = await AllPagesAsync(client, $"evotor/stores/{store.Id}/documents",
            $"?since={since.ToUnixTimeMilliseconds()}&until={until.ToUnixTimeMilliseconds()}&type=SELL,PAYBACK");

        Assert.InRange(expected.Count, 9, all.Count - 10);
        Assert.Equal(expected, pages.SelectMany(p => p).Select(Id));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(4, p.Count));
        Assert.NotEmpty(pages[^1]);
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1 });
        using var client = Client(server);
        var store = server.Evotor.Stores[0];
        var document = server.Evotor.DocumentsOf(store.Id)[7];
        var ms = document.CloseDate.ToUnixTimeMilliseconds();
        var path = $"evotor/stores/{store.Id}/documents";

        var from = await AllItemsAsync(client, path, $"?since={ms}");
        var before = await AllItemsAsync(client, path, $"?until={ms}");
        var exactly = await AllItemsAsync(client, path, $"?since={ms}&until={ms + 1}");

        Assert.Contains(document.Id, from.Select(Id));
        Assert.DoesNotContain(document.Id, before.Select(Id));
        Assert.Equal(server.Evotor.DocumentsOf(store.Id).Count, from.Count + before.Count);
        Assert.Contains(document.Id, exactly.Select(Id));
    }

    [Fact]
    public async Task Last_day_sales_are_found_in_every_store()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeMilliseconds();

        foreach (var store in server.Evotor.Stores)
        {
            var items = await AllItemsAsync(client, $"evotor/stores/{store.Id}/documents", $"?since={since}&type=SELL");
            Assert.True(items.Count >= 3, $"store {store.Name}: {items.Count} sales in the last day");
            Assert.All(items, d => Assert.Equal("SELL", d.GetProperty("type").GetString()));
        }
    }

    [Fact]
    public async Task Device_documents_are_that_devices_only_with_the_same_filters()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, EvotorDevicesPerStore = 3, MaxPageSize = 3 });
        using var client = Client(server);
        var store = server.Evotor.Stores[1];

        var total = 0;
        foreach (var device in server.Evotor.DevicesOf(store.Id))
        {
            var path = $"evotor/stores/{store.Id}/devices/{device.Id}/documents";
            var expected = server.Evotor.DocumentsOf(store.Id).Where(d => d.DeviceId == device.Id).ToList();
            var items = await AllItemsAsync(client, path);
            var sells = await AllItemsAsync(client, path, "?type=SELL");

            Assert.Equal(expected.Select(d => d.Id), items.Select(Id));
            Assert.Equal(expected.Where(d => d.Type == "SELL").Select(d => d.Id), sells.Select(Id));
            total += items.Count;
        }
        Assert.Equal(40, total);

        var otherStoresDevice = server.Evotor.DevicesOf(server.Evotor.Stores[0].Id)[0];
        await AssertNotFoundAsync(client, $"evotor/stores/{store.Id}/devices/{otherStoresDevice.Id}/documents");
        await AssertNotFoundAsync(client, $"evotor/stores/{store.Id}/devices/nope/documents");
        await AssertNotFoundAsync(client, $"evotor/stores/nope/devices/{otherStoresDevice.Id}/documents");
        await AssertBadRequestAsync(client, $"evotor/stores/{store.Id}/devices/{server.Evotor.DevicesOf(store.Id)[0].Id}/documents?type=NOPE", "type");
        Assert.True(server.Requests.Count(EvotorRouteKeys.DeviceDocuments) >= 6);
    }

    [Fact]
    public async Task Document_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[2];
        var document = server.Evotor.DocumentsOf(store.Id).First(d => d.Type == "SELL");

        var (response, _, json) = await GetJsonAsync(client, $"evotor/stores/{store.Id}/documents/{document.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDocument(document, json, server.Evotor);
        await AssertNotFoundAsync(client, $"evotor/stores/{server.Evotor.Stores[0].Id}/documents/{document.Id}");
        await AssertNotFoundAsync(client, $"evotor/stores/{store.Id}/documents/00000000-0000-4000-8000-000000000000");
        await AssertNotFoundAsync(client, $"evotor/stores/nope/documents");
        Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.Document));
    }

    [Theory]
    [InlineData("since=yesterday", new[] { "since" })]
    [InlineData("until=1.5", new[] { "until" })]
    [InlineData("since=2000&until=1000", new[] { "since" })]
    [InlineData("type=SELL,BOGUS", new[] { "type" })]
    [InlineData("type=sell", new[] { "type" })]
    [InlineData("type=", new[] { "type" })]
    [InlineData("since=x&until=y&type=Z", new[] { "since", "until", "type" })]
    [InlineData("limit=0&type=Z", new[] { "limit", "type" })]
    public async Task Bad_filters_are_400_naming_the_parameter(string query, string[] subjects)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        await AssertBadRequestAsync(client, $"evotor/stores/{server.Evotor.Stores[0].Id}/documents?{query}", subjects);
    }

    [Fact]
    public async Task A_tampered_cursor_is_400()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        // {"A":"0","F":{"type":"BOGUS"}} as base64url: filters a client could not have passed on the first request.
        var cursor = Convert.ToBase64String("""{"A":"0","F":{"type":"BOGUS"}}"""u8.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await AssertBadRequestAsync(client, $"evotor/stores/{server.Evotor.Stores[0].Id}/documents?cursor={cursor}", "cursor");
    }

    private static void AssertDocument(SeedDocument d, JsonElement item, EvotorSeed seed)
    {
        AssertNoNulls(item);
        // The reference's fields in its order, then what real answers add (created_at); a body always, {} when empty.
        string[] order =
        [
            "type", "id", "extras", "number", "close_date", "time_zone_offset", "session_id", "session_number", "close_user_id",
            "device_id", "store_id", "user_id", "version", "created_at", "body",
        ];
        Assert.Equal(order, item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, item.GetProperty("extras").ValueKind);
        Assert.Equal(d.Type, item.GetProperty("type").GetString());
        Assert.Equal(d.Number, item.GetProperty("number").GetInt32());
        Assert.Matches(TimestampPattern, item.GetProperty("close_date").GetString());
        Assert.Equal(d.CloseDate, ParseTimestamp(item.GetProperty("close_date").GetString()!));
        Assert.True(ParseTimestamp(item.GetProperty("created_at").GetString()!) > d.CloseDate);
        Assert.Equal(d.TimeZoneOffset, item.GetProperty("time_zone_offset").GetInt64());
        Assert.Equal(d.SessionId, item.GetProperty("session_id").GetString());
        Assert.Equal(d.SessionNumber, item.GetProperty("session_number").GetInt32());
        Assert.Equal(d.CloseUserId, item.GetProperty("close_user_id").GetString());
        Assert.Equal(d.DeviceId, item.GetProperty("device_id").GetString());
        Assert.Equal(d.StoreId, item.GetProperty("store_id").GetString());
        Assert.Equal(seed.UserId, item.GetProperty("user_id").GetString());
        Assert.Equal(d.Version, item.GetProperty("version").GetString());
        var json = item.GetProperty("body");
        if (d.Type == "OPEN_SESSION") Assert.Empty(json.EnumerateObject());
        if (d.Body is not { } body) return;
        if (d.Type is "CASH_INCOME" or "CASH_OUTCOME")
        {
            Assert.Equal(body.Sum, json.GetProperty("sum").GetDecimal());
            return;
        }
        var positions = json.GetProperty("positions").EnumerateArray().ToList();
        Assert.Equal(body.Positions.Count, positions.Count);
        for (var i = 0; i < positions.Count; i++)
        {
            var (p, j) = (body.Positions[i], positions[i]);
            Assert.Equal(p.ProductId, j.GetProperty("product_id").GetString());
            Assert.Equal(p.Quantity, j.GetProperty("quantity").GetDecimal());
            if (d.Type == "REVALUATION")
            {
                Assert.Equal(p.Price, j.GetProperty("price").GetProperty("before").GetDecimal());
                continue;
            }
            if (d.Type == "INVENTORY") continue;
            Assert.Equal(p.ProductName, j.GetProperty("product_name").GetString());
            Assert.Equal(p.ProductType, j.GetProperty("product_type").GetString());
            Assert.Equal(p.Price, j.GetProperty("price").GetDecimal());
            Assert.Equal(p.Sum, j.GetProperty("sum").GetDecimal());
            if (d.Type is not ("SELL" or "PAYBACK" or "BUY" or "BUYBACK")) continue;
            Assert.Equal(p.CostPrice, j.GetProperty("cost_price").GetDecimal());
            Assert.Equal(p.ResultSum, j.GetProperty("result_sum").GetDecimal());
            Assert.Equal(p.Tax.Type, j.GetProperty("tax").GetProperty("type").GetString());
            Assert.Equal(p.Tax.Sum, j.GetProperty("tax").GetProperty("sum").GetDecimal());
            Assert.Equal(p.Tax.ResultSum, j.GetProperty("tax").GetProperty("result_sum").GetDecimal());
        }
        if (d.Type is not ("SELL" or "PAYBACK" or "BUY" or "BUYBACK")) return;
        Assert.Equal(body.Sum, json.GetProperty("sum").GetDecimal());
        Assert.Equal(body.ResultSum, json.GetProperty("result_sum").GetDecimal());
        var payments = json.GetProperty("payments").EnumerateArray().ToList();
        Assert.Equal(body.Payments.Select(p => (p.Id, p.Type, p.Sum)),
            payments.Select(p => (Id(p), p.GetProperty("type").GetString()!, p.GetProperty("sum").GetDecimal())));
    }

    [Fact]
    public async Task Every_document_type_the_reference_lists_is_seeded_and_the_documentation_shape_wraps_each_receipt_part()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, EvotorDocumentsPerStore = 200 });
        using var client = Client(server);
        string[] reference =
        [
            "OPEN_SESSION", "CLOSE_SESSION", "POS_OPEN_SESSION", "CASH_INCOME", "CASH_OUTCOME", "INVENTORY", "ACCEPT", "REVALUATION",
            "WRITE_OFF", "RETURN", "OPEN_TARE", "SELL", "PAYBACK", "BUY", "BUYBACK", "X_REPORT", "Z_REPORT",
        ];
        Assert.Empty(reference.Except(server.Evotor.Documents.Select(d => d.Type)));

        var sale = server.Evotor.Documents.First(d => d.Type == "SELL");
        var (_, _, bare) = await GetJsonAsync(client, $"evotor/stores/{sale.StoreId}/documents/{sale.Id}");
        server.Settings.EvotorShapes = EvotorShapes.Documentation;
        var (_, _, wrapped) = await GetJsonAsync(client, $"evotor/stores/{sale.StoreId}/documents/{sale.Id}");

        var position = bare.GetProperty("body").GetProperty("positions")[0];
        var wrapper = wrapped.GetProperty("body").GetProperty("positions")[0];
        Assert.Equal("position", Assert.Single(wrapper.EnumerateObject()).Name);
        Assert.Equal(position.GetProperty("product_id").GetString(), wrapper.GetProperty("position").GetProperty("product_id").GetString());
        Assert.Equal(position.GetProperty("uuid").GetString(), wrapper.GetProperty("position").GetProperty("uuid").GetString());
        Assert.Equal(bare.GetProperty("body").GetProperty("payments")[0].GetProperty("id").GetString(),
            wrapped.GetProperty("body").GetProperty("payments")[0].GetProperty("payment").GetProperty("id").GetString());
    }
}
