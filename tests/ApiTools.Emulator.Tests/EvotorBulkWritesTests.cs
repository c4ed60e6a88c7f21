using System.Net;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;
using static ApiTools.Emulator.Tests.EvotorWriteHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorBulkWritesTests
{
    private static string Items(params string[] items) => "[" + string.Join(",", items) + "]";

    private static string WithId(string id, string name = "Товар") => ProductJson(name, $$""","id":"{{id}}" """);

    [Fact]
    public async Task Put_is_accepted_then_runs_then_completes_with_the_stored_items()
    {
        await using var server = await StartAsync(o => o.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(1500));
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString()).ToList();

        var (response, body, task) = await SendAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products",
            Items([.. ids.Select((id, i) => WithId(id, $"Товар {i}"))]), BulkJson);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var id = Id(task);
        Assert.Equal($"/evotor/bulks/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(["id", "modified_at", "status", "type"], task.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("ACCEPTED", "product"), (task.GetProperty("status").GetString(), task.GetProperty("type").GetString()));
        Assert.Contains(server.Evotor.BulkTasks, t => t.Id == id);
        var accepted = ParseTimestamp(task.GetProperty("modified_at").GetString()!);

        var (statuses, done) = await PollBulkAsync(client, id);

        Assert.Equal(["ACCEPTED", "RUNNING", "COMPLETED"], statuses.Prepend("ACCEPTED").Distinct());
        Assert.Contains("RUNNING", statuses);
        Assert.Equal(accepted + TimeSpan.FromMilliseconds(1500), ParseTimestamp(done.GetProperty("modified_at").GetString()!));
        var details = done.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(ids, details.Select(Id));
        Assert.Equal(["Товар 0", "Товар 1", "Товар 2"], details.Select(d => d.GetProperty("name").GetString()));
        Assert.All(details, d => Assert.Equal(store, d.GetProperty("store_id").GetString()));
        foreach (var productId in ids) Assert.Equal(HttpStatusCode.OK, (await GetJsonAsync(client, $"evotor/stores/{store}/products/{productId}")).Response.StatusCode);
        Assert.Equal(3, server.Evotor.BulkItemsApplied(store));
        Assert.Equal("COMPLETED", server.Evotor.FindBulkTask(id)!.Status);
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.PutProducts));
    }

    [Fact]
    public async Task Items_appear_only_when_the_task_finishes()
    {
        await using var server = await StartAsync(o => o.EvotorBulkTaskDuration = TimeSpan.FromHours(1));
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var productId = Guid.NewGuid().ToString();

        var task = await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products", Items(WithId(productId)), HttpStatusCode.Accepted, BulkJson);

        await AssertNotFoundAsync(client, $"evotor/stores/{store}/products/{productId}");
        Assert.DoesNotContain(productId, (await AllItemsAsync(client, $"evotor/stores/{store}/products")).Select(Id));
        Assert.Null(server.Evotor.FindProduct(store, productId));
        Assert.Equal("ACCEPTED", (await GetJsonAsync(client, "evotor/bulks/" + Id(task))).Json.GetProperty("status").GetString());
        Assert.Equal(0, server.Evotor.BulkItemsApplied(store));

        server.Settings.EvotorBulkTaskDuration = TimeSpan.Zero; // live: the waiting task is done as of now

        Assert.NotNull(server.Evotor.FindProduct(store, productId));
        Assert.Equal("COMPLETED", (await GetJsonAsync(client, "evotor/bulks/" + Id(task))).Json.GetProperty("status").GetString());
        Assert.Contains(productId, (await AllItemsAsync(client, "evotor/stores/" + store + "/products")).Select(Id));
    }

    [Fact]
    public async Task Post_with_some_invalid_items_ends_failed_with_a_detail_per_item_and_stores_the_valid_ones()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[1].Id;

        var task = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            Items(ProductJson("Первый"), """{"name":"Без цены","measure_name":"шт","tax":"NO_VAT","allow_to_sell":true,"type":"NORMAL","colour":"red"}""", ProductJson("Третий")),
            HttpStatusCode.Accepted, BulkJson);
        var (_, done) = await PollBulkAsync(client, Id(task));

        Assert.Equal("FAILED", done.GetProperty("status").GetString());
        var details = done.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(3, details.Count);
        Assert.Equal(["Первый", "Третий"], new[] { details[0], details[2] }.Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(["code", "message", "product_id", "violations"], details[1].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["colour", "price"], Violations(details[1]).Select(v => v.Subject).Order(StringComparer.Ordinal));
        Assert.True(Guid.TryParseExact(details[1].GetProperty("product_id").GetString(), "D", out _));
        Assert.NotEqual(Id(details[0]), Id(details[2]));
        Assert.Equal(7, server.Evotor.ProductsOf(store).Count);
        Assert.Null(server.Evotor.FindProduct(store, details[1].GetProperty("product_id").GetString()!));
        Assert.Equal(2, server.Evotor.BulkItemsApplied(store));
    }

    [Fact]
    public async Task All_items_invalid_ends_declined_without_details()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;

        // PUT items need their own ids: neither has a usable one.
        var task = await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/products",
            Items(ProductJson("Без id"), WithId("not-a-uuid")), HttpStatusCode.Accepted, BulkJson);
        var (_, done) = await PollBulkAsync(client, Id(task));

        Assert.Equal("DECLINED", done.GetProperty("status").GetString());
        Assert.False(done.TryGetProperty("details", out _));
        Assert.Equal(5, server.Evotor.ProductsOf(store).Count);
    }

    [Fact]
    public async Task Payloads_that_are_not_1_to_1000_objects_or_too_big_are_refused_at_once()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var path = $"evotor/stores/{server.Evotor.Stores[0].Id}/products";
        var tasks = server.Evotor.BulkTasks.Count;

        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Put, path,
            Items([.. Enumerable.Range(0, 1001).Select(_ => WithId(Guid.NewGuid().ToString()))]), BulkJson));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Put, path, WithId(Guid.NewGuid().ToString()), BulkJson));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Post, path, "[]", BulkJson));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Post, path, $"[{ProductJson()},1]", BulkJson));
        Assert.Equal("invalid_format", (await ExpectAsync(client, HttpMethod.Post, path, "[{", HttpStatusCode.BadRequest, BulkJson)).GetProperty("code").GetString());
        var big = Items([.. Enumerable.Range(0, 11).Select(_ => ProductJson("X", $$""","description":"{{new string('a', 1024 * 1024)}}" """))]);
        var error = await ExpectAsync(client, HttpMethod.Post, path, big, HttpStatusCode.RequestEntityTooLarge, BulkJson);
        Assert.Equal("payload_too_large", error.GetProperty("code").GetString());

        Assert.Equal(tasks, server.Evotor.BulkTasks.Count);
        var thousand = Items([.. Enumerable.Range(0, 1000).Select(i => WithId(Guid.NewGuid().ToString(), $"Товар {i}"))]);
        var task = await ExpectAsync(client, HttpMethod.Put, path, thousand, HttpStatusCode.Accepted, BulkJson);
        Assert.Equal("COMPLETED", (await PollBulkAsync(client, Id(task))).Task.GetProperty("status").GetString());
        Assert.Equal(1005, server.Evotor.ProductsOf(server.Evotor.Stores[0].Id).Count);
    }

    [Fact]
    public async Task Group_bulks_then_product_bulks_under_them()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var parent = Guid.NewGuid().ToString();
        var child = Guid.NewGuid().ToString();

        // The child names a parent stored by an earlier item of the same task.
        var groups = await ExpectAsync(client, HttpMethod.Put, $"evotor/stores/{store}/product-groups",
            Items($$"""{"id":"{{parent}}","name":"Напитки"}""", $$"""{"id":"{{child}}","name":"Соки","parent_id":"{{parent}}"}"""),
            HttpStatusCode.Accepted, BulkJson);
        Assert.Equal("product-group", groups.GetProperty("type").GetString());
        var products = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products",
            Items(ProductJson("Сок", $$""","parent_id":"{{child}}" """)), HttpStatusCode.Accepted, BulkJson);

        var (_, groupsDone) = await PollBulkAsync(client, Id(groups));
        var (_, productsDone) = await PollBulkAsync(client, Id(products));

        Assert.Equal("COMPLETED", groupsDone.GetProperty("status").GetString());
        Assert.Equal([parent, child], groupsDone.GetProperty("details").EnumerateArray().Select(Id));
        Assert.Equal("COMPLETED", productsDone.GetProperty("status").GetString());
        Assert.Equal(child, server.Evotor.ProductsOf(store).Single(p => p.Name == "Сок").ParentId);
        Assert.Equal(3, server.Evotor.BulkItemsApplied(store));
        var listed = await AllItemsAsync(client, "evotor/bulks", "?type=product-group&status=COMPLETED");
        Assert.Contains(Id(groups), listed.Select(Id));
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.PutProductGroups));
    }

    [Fact]
    public async Task Fault_hooks_make_tasks_stuck_or_failed_and_reset_drops_them()
    {
        await using var server = await StartAsync(o => o.EvotorBulkTaskDuration = TimeSpan.Zero);
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var path = $"evotor/stores/{store}/products";
        server.Faults.Enqueue(new FaultRule { Route = EvotorRouteKeys.PutProducts, BulkOutcome = "stuck" });
        server.Faults.Enqueue(new FaultRule { BulkOutcome = "failed" });
        Assert.Throws<ArgumentException>(() => server.Faults.Enqueue(new FaultRule { BulkOutcome = "slow" }));

        // A plain read does not use up the bulk rules.
        await GetJsonAsync(client, path);
        var stuckId = Guid.NewGuid().ToString();
        var stuck = await ExpectAsync(client, HttpMethod.Put, path, Items(WithId(stuckId)), HttpStatusCode.Accepted, BulkJson);
        var failed = await ExpectAsync(client, HttpMethod.Post, path, Items(ProductJson("A"), ProductJson("B")), HttpStatusCode.Accepted, BulkJson);
        var normal = await ExpectAsync(client, HttpMethod.Post, path, Items(ProductJson("C")), HttpStatusCode.Accepted, BulkJson);

        Assert.Equal("RUNNING", (await GetJsonAsync(client, "evotor/bulks/" + Id(stuck))).Json.GetProperty("status").GetString());
        var (_, failedDone) = await PollBulkAsync(client, Id(failed));
        Assert.Equal("FAILED", failedDone.GetProperty("status").GetString());
        Assert.All(failedDone.GetProperty("details").EnumerateArray(), d => Assert.True(d.TryGetProperty("code", out _)));
        Assert.Equal(2, failedDone.GetProperty("details").GetArrayLength());
        Assert.Equal("COMPLETED", (await PollBulkAsync(client, Id(normal))).Task.GetProperty("status").GetString());
        Assert.Equal(6, server.Evotor.ProductsOf(store).Count); // only "C"
        Assert.Empty(server.Faults.Pending());
        Assert.Equal("RUNNING", server.Evotor.FindBulkTask(Id(stuck))!.Status);
        Assert.Null(server.Evotor.FindProduct(store, stuckId));

        server.Reset();

        Assert.Null(server.Evotor.FindBulkTask(Id(stuck)));
        Assert.Equal(3, server.Evotor.BulkTasks.Count);
        Assert.Equal(5, server.Evotor.ProductsOf(store).Count);
    }

    [Fact]
    public async Task Duration_is_a_live_setting_over_http_and_a_switch()
    {
        await using var server = await StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        using var update = await control.PostAsync("_emulator/settings",
            new StringContent("""{"evotorBulkTaskDurationMs":250}""", Encoding.UTF8, "application/json"));
        var settings = JsonDocument.Parse(await update.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(250, settings.GetProperty("evotorBulkTaskDurationMs").GetInt64());
        Assert.Equal(TimeSpan.FromMilliseconds(250), server.Settings.EvotorBulkTaskDuration);
        server.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(50), server.Settings.EvotorBulkTaskDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), new EmulatorOptions().EvotorBulkTaskDuration);
    }
}
