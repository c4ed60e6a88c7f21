using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorBulksTests
{
    [Fact]
    public async Task Seeded_tasks_are_a_completed_a_failed_and_a_declined_one()
    {
        await using var server = await EmulatorServer.StartAsync();
        var tasks = server.Evotor.BulkTasks;

        Assert.Equal(["COMPLETED", "DECLINED", "FAILED"], tasks.Select(t => t.Status).Order());
        Assert.Equal(tasks.Select(t => t.Id).Order(StringComparer.Ordinal), tasks.Select(t => t.Id));
        var completed = tasks.Single(t => t.Status == "COMPLETED");
        Assert.NotEmpty(completed.Details!);
        Assert.All(completed.Details!, d => Assert.True(d.Product is not null && d.Error is null && d.ProductGroup is null));
        var failed = tasks.Single(t => t.Status == "FAILED");
        Assert.Contains(failed.Details!, d => d.Error is not null);
        Assert.Contains(failed.Details!, d => d.Product is not null || d.ProductGroup is not null);
        Assert.Null(tasks.Single(t => t.Status == "DECLINED").Details);
        Assert.All(tasks, t => Assert.True(t.ModifiedAt < server.Evotor.StartedAt));
    }

    [Fact]
    public async Task Bulks_page_and_match_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorBulkTasks = 8, MaxPageSize = 3 });
        using var client = Client(server);

        var pages = await AllPagesAsync(client, "evotor/bulks");

        Assert.Equal([3, 3, 2], pages.Select(p => p.Count));
        var items = pages.SelectMany(p => p).ToList();
        Assert.Equal(server.Evotor.BulkTasks.Select(t => t.Id), items.Select(Id));
        for (var i = 0; i < items.Count; i++) AssertTask(server.Evotor.BulkTasks[i], items[i]);
        Assert.Contains(server.Evotor.BulkTasks, t => t.Type == "product-group" && t.Status == "COMPLETED");
        Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.Bulks));
    }

    [Theory]
    [InlineData("?type=product", null, "product")]
    [InlineData("?type=product-group", null, "product-group")]
    [InlineData("?status=FAILED,DECLINED", "FAILED,DECLINED", null)]
    [InlineData("?type=product&status=COMPLETED", "COMPLETED", "product")]
    [InlineData("?status=RUNNING,ACCEPTED", "RUNNING,ACCEPTED", null)]
    public async Task Type_and_status_filter_and_the_cursor_carries_them(string query, string? statuses, string? type)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorBulkTasks = 12, MaxPageSize = 2 });
        using var client = Client(server);
        var expected = server.Evotor.BulkTasks
            .Where(t => (type is null || t.Type == type) && (statuses is null || statuses.Split(',').Contains(t.Status)))
            .Select(t => t.Id).ToList();

        var items = await AllItemsAsync(client, "evotor/bulks", query);

        Assert.Equal(expected, items.Select(Id));
    }

    [Theory]
    [InlineData("type=products", "type")]
    [InlineData("type=PRODUCT", "type")]
    [InlineData("status=DONE", "status")]
    [InlineData("status=", "status")]
    public async Task Bad_filters_are_400(string query, string subject)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        await AssertBadRequestAsync(client, "evotor/bulks?" + query, subject);
    }

    [Fact]
    public async Task Task_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var failed = server.Evotor.BulkTasks.Single(t => t.Status == "FAILED");

        var (response, _, json) = await GetJsonAsync(client, "evotor/bulks/" + failed.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTask(failed, json);
        await AssertNotFoundAsync(client, "evotor/bulks/00000000-0000-4000-8000-000000000000");
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.Bulk));
    }

    private static void AssertTask(SeedBulkTask t, JsonElement item)
    {
        AssertNoNulls(item);
        Assert.Equal(t.Details is null ? ["id", "modified_at", "status", "type"] : new[] { "id", "modified_at", "status", "type", "details" },
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(t.ModifiedAt, ParseTimestamp(item.GetProperty("modified_at").GetString()!));
        Assert.Equal(t.Status, item.GetProperty("status").GetString());
        Assert.Equal(t.Type, item.GetProperty("type").GetString());
        if (t.Details is null) return;
        var details = item.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(t.Details.Count, details.Count);
        for (var i = 0; i < details.Count; i++)
        {
            var (d, j) = (t.Details[i], details[i]);
            if (d.Error is { } e)
            {
                Assert.Equal(["code", "message", "product_id", "violations"], j.EnumerateObject().Select(p => p.Name));
                Assert.Equal(e.Code, j.GetProperty("code").GetString());
                Assert.Equal(e.ProductId, j.GetProperty("product_id").GetString());
                Assert.Equal(e.Violations.Select(v => (v.Reason, v.Subject)),
                    j.GetProperty("violations").EnumerateArray().Select(v => (v.GetProperty("reason").GetString()!, v.GetProperty("subject").GetString()!)));
            }
            else
            {
                Assert.Equal(d.Product?.Id ?? d.ProductGroup!.Id, Id(j));
                Assert.Equal(d.Product?.Name ?? d.ProductGroup!.Name, j.GetProperty("name").GetString());
            }
        }
    }
}
