using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorUnknownFieldsTests
{
    [Fact]
    public async Task Every_entity_carries_the_extra_field_with_its_seeded_value()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { UnknownFields = true, EvotorStores = 2 });
        using var client = Client(server);
        var seed = server.Evotor;
        var store = seed.Stores[1];

        await AssertExtras(client, "evotor/devices", seed.Devices.Select(d => d.ExternalCode));
        await AssertExtras(client, "evotor/employees", seed.Employees.Select(e => e.ExternalCode));
        await AssertExtras(client, $"evotor/stores/{store.Id}/products", seed.ProductsOf(store.Id).Select(p => p.ExternalCode));
        await AssertExtras(client, $"evotor/stores/{store.Id}/product-groups", seed.ProductGroupsOf(store.Id).Select(g => g.ExternalCode));
        await AssertExtras(client, $"evotor/stores/{store.Id}/documents", seed.DocumentsOf(store.Id).Select(d => d.ExternalCode));
        await AssertExtras(client, "evotor/bulks", seed.BulkTasks.Select(t => t.ExternalCode));

        var product = seed.ProductsOf(store.Id)[3];
        var (_, _, one) = await GetJsonAsync(client, $"evotor/stores/{store.Id}/products/{product.Id}");
        Assert.Equal(product.ExternalCode, one.GetProperty("external_code").GetString());
        // Bulk details carry their resources whole, the extra field included.
        var completed = seed.BulkTasks.Single(t => t.Status == "COMPLETED");
        var (_, _, task) = await GetJsonAsync(client, "evotor/bulks/" + completed.Id);
        Assert.Equal(completed.Details!.Select(d => d.Product!.ExternalCode),
            task.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("external_code").GetString()));
    }

    [Fact]
    public async Task Extra_values_are_distinct_per_entity()
    {
        await using var server = await EmulatorServer.StartAsync();
        var seed = server.Evotor;

        foreach (var codes in new[]
        {
            seed.Devices.Select(d => d.ExternalCode), seed.Employees.Select(e => e.ExternalCode), seed.Products.Select(p => p.ExternalCode),
            seed.ProductGroups.Select(g => g.ExternalCode), seed.Documents.Select(d => d.ExternalCode), seed.BulkTasks.Select(t => t.ExternalCode),
        })
        {
            var list = codes.ToList();
            Assert.All(list, c => Assert.False(string.IsNullOrEmpty(c)));
            Assert.Equal(list.Count, list.Distinct().Count());
        }
    }

    private static async Task AssertExtras(HttpClient client, string path, IEnumerable<string> expected)
    {
        var items = await AllItemsAsync(client, path);
        Assert.Equal(expected, items.Select(i => i.GetProperty("external_code").GetString()));
    }
}
