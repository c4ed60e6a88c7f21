using ApiTools.Emulator;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Paging;
using ApiTools.Tests.Support;
using ApiTools.Errors;
using static ApiTools.Tests.Support.Evotor;

namespace ApiTools.Tests.Evotor;

/// <summary>Every read endpoint over several pages, compared field by field with the emulator's seed.</summary>
public class EvotorReadsClientTests
{
    private static Task<EmulatorServer> SmallPages(Action<EmulatorOptions>? more = null) => StartAsync(o =>
    {
        o.EvotorStores = 2;
        o.EvotorProductsPerStore = 23;
        o.MaxPageSize = 5;
        more?.Invoke(o);
    });

    [Fact]
    public async Task Products_of_a_store_come_back_whole_and_exact()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[1].Id;
        var seeded = server.Evotor.ProductsOf(store);

        var products = await Client(server).GetProductsAsync(store).ToListAsync();

        Assert.Equal(seeded.Count, products.Count);
        Assert.Equal(5, server.Requests.Count(EvotorRouteKeys.Products)); // 23 items, pages of 5
        foreach (var (want, got) in seeded.Zip(products))
        {
            Assert.Equal(want.Id, got.Id);
            Assert.Equal(want.StoreId, got.StoreId);
            Assert.Equal(want.ParentId, got.ParentId);
            Assert.Equal(want.Name, got.Name);
            Assert.Equal(want.Type, got.Type);
            Assert.Equal(want.MeasureName, got.MeasureName);
            Assert.Equal(want.Tax, got.Tax);
            Assert.Equal(want.AllowToSell, got.AllowToSell);
            Assert.Equal(want.Price, got.Price);
            Assert.Equal(want.CostPrice, got.CostPrice);
            Assert.Equal(want.Quantity, got.Quantity);
            Assert.Equal(want.Description, got.Description);
            Assert.Equal(want.ArticleNumber, got.ArticleNumber);
            Assert.Equal(want.Code, got.Code);
            Assert.Equal(want.Barcodes, got.Barcodes?.ToList());
            Assert.Equal(want.Alcocodes, got.AlcoCodes?.ToList());
            Assert.Equal(want.AlcoholByVolume, got.AlcoholByVolume);
            Assert.Equal(want.AlcoholProductKindCode, got.AlcoholProductKindCode);
            Assert.Equal(want.TareVolume, got.TareVolume);
            Assert.Equal(want.AttributesChoices?.OrderBy(k => k.Key), got.AttributesChoices?.OrderBy(k => k.Key));
            Assert.Equal(want.UserId, got.UserId);
            Assert.Equal(want.CreatedAt, got.CreatedAt);
            Assert.Equal(want.UpdatedAt, got.UpdatedAt);
            // Only the field real answers carry that the model does not name.
            Assert.Equal(want.ClassificationCode, got.Extra?["classification_code"]);
            Assert.True(got.Extra is null || got.Extra.Keys.SequenceEqual(["classification_code"]));
        }
        // The seed exercises the CSV-relevant shapes: lists of several barcodes and prices with kopecks.
        Assert.Contains(products, p => p.Barcodes?.Count > 1);
        Assert.Contains(products, p => p.Price != decimal.Truncate(p.Price ?? 0));
    }

    [Fact]
    public async Task Products_since_keeps_those_updated_at_or_after_it()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[0].Id;
        var since = server.Evotor.StartedAt.AddDays(-3);
        var expected = server.Evotor.ProductsOf(store).Where(p => p.UpdatedAt >= since).Select(p => p.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < server.Evotor.ProductsOf(store).Count, "the seed should have older products too");

        var products = await Client(server).GetProductsAsync(store, since).ToListAsync();

        Assert.Equal(expected, products.Select(p => p.Id));
    }

    [Fact]
    public async Task One_product_by_id_and_a_missing_one_is_NotFound()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.ProductsOf(store)[7];
        var client = Client(server);

        Assert.Equal(seeded.Name, (await client.GetProductAsync(store, seeded.Id)).Name);
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetProductAsync(store, "no-such-product"));
        Assert.Equal(ApiErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Product_groups_with_their_attributes()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.ProductGroupsOf(store);

        var groups = await Client(server).GetProductGroupsAsync(store).ToListAsync();

        Assert.Equal(seeded.Select(g => g.Id), groups.Select(g => g.Id));
        Assert.Equal(seeded.Select(g => g.Name), groups.Select(g => g.Name));
        var withAttributes = seeded.First(g => g.Attributes is { Count: > 0 });
        var got = groups.Single(g => g.Id == withAttributes.Id);
        Assert.Equal(withAttributes.Attributes!.Select(a => a.Name), got.Attributes!.Select(a => a.Name));
        Assert.Equal(withAttributes.Attributes![0].Choices.Select(c => c.Name), got.Attributes![0].Choices!.Select(c => c.Name));
        Assert.Equal(withAttributes.Id, (await Client(server).GetProductGroupAsync(store, withAttributes.Id)).Id);
    }

    [Fact]
    public async Task Devices_and_employees_list_across_pages_and_by_id()
    {
        await using var server = await SmallPages(o => { o.EvotorDevicesPerStore = 4; o.EvotorEmployees = 12; });
        var client = Client(server);

        var devices = await client.GetDevicesAsync().ToListAsync();
        Assert.Equal(server.Evotor.Devices.Select(d => d.Id), devices.Select(d => d.Id));
        Assert.Equal(server.Evotor.Devices.Select(d => d.StoreId), devices.Select(d => d.StoreId));
        Assert.Equal(server.Evotor.Devices.Select(d => (TimeSpan?)TimeSpan.FromMilliseconds(d.TimezoneOffset)), devices.Select(d => d.TimezoneOffset));
        Assert.All(devices, d => Assert.Equal(d.Id, d.DeviceId));
        var located = server.Evotor.Devices.First(d => d.Location is not null);
        var gotLocated = devices.Single(d => d.Id == located.Id);
        Assert.Equal(located.Location!.Lat, gotLocated.Location!.Lat);
        Assert.Equal(located.Location!.Lng, gotLocated.Location!.Lng);

        var employees = await client.GetEmployeesAsync().ToListAsync();
        Assert.Equal(server.Evotor.Employees.Select(e => e.Id), employees.Select(e => e.Id));
        Assert.Equal(server.Evotor.Employees.Select(e => string.Join(";", e.Stores)), employees.Select(e => e.Stores!.ToString()));
        Assert.Equal(server.Evotor.Employees.Select(e => e.Role), employees.Select(e => e.Role));

        Assert.Equal(devices[3].Name, (await client.GetDeviceAsync(devices[3].Id)).Name);
        Assert.Equal(employees[5].LastName, (await client.GetEmployeeAsync(employees[5].Id)).LastName);
    }

    [Fact]
    public async Task Documents_of_a_store_with_positions_and_payments()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[0].Id;
        var seeded = server.Evotor.DocumentsOf(store);

        var documents = await Client(server).GetDocumentsAsync(store).ToListAsync();

        Assert.Equal(seeded.Select(d => d.Id).OrderBy(i => i), documents.Select(d => d.Id).OrderBy(i => i));
        var sale = seeded.First(d => d.Type == "SELL" && d.Body is { Positions.Count: > 1 });
        var got = documents.Single(d => d.Id == sale.Id);
        Assert.Equal(sale.Number, got.Number);
        Assert.Equal(sale.CloseDate, got.CloseDate);
        Assert.Equal(sale.DeviceId, got.DeviceId);
        Assert.Equal(sale.Body!.Sum, got.Sum);
        Assert.Equal(sale.Body.ResultSum, got.ResultSum);
        Assert.Equal(sale.Body.Positions.Select(p => (p.ProductId, p.Quantity, p.Price, p.ResultSum, p.Tax.Type)),
            got.Positions!.Select(p => (p.ProductId!, p.Quantity!.Value, p.Price!.Value, p.ResultSum!.Value, p.Tax!.Type!)));
        Assert.Equal(sale.Body.Payments.Select(p => (p.Type, p.Sum)), got.Payments!.Select(p => (p.Type!, p.Sum!.Value)));
        Assert.Equal(sale.Id, (await Client(server).GetDocumentAsync(store, sale.Id)).Id);
    }

    [Fact]
    public async Task Documents_filtered_by_close_time_and_type_as_the_contract_says()
    {
        await using var server = await SmallPages();
        var store = server.Evotor.Stores[1].Id;
        var since = server.Evotor.StartedAt.AddDays(-10);
        var until = server.Evotor.StartedAt.AddDays(-1);
        var types = new[] { "SELL", "PAYBACK" };
        var expected = server.Evotor.DocumentsOf(store)
            .Where(d => d.CloseDate >= since && d.CloseDate < until && types.Contains(d.Type))
            .Select(d => d.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);

        var documents = await Client(server).GetDocumentsAsync(store, new DocumentQuery { Since = since, Until = until, Types = types }).ToListAsync();

        Assert.Equal(expected, documents.Select(d => d.Id).OrderBy(i => i));
        Assert.True(server.Requests.Count(EvotorRouteKeys.Documents) > 1, "the filter must survive paging");
    }

    [Fact]
    public async Task Documents_of_one_terminal()
    {
        await using var server = await SmallPages();
        var device = server.Evotor.Devices[0];
        var expected = server.Evotor.DocumentsOf(device.StoreId).Where(d => d.DeviceId == device.Id).Select(d => d.Id).OrderBy(i => i).ToList();

        var documents = await Client(server).GetDocumentsAsync(device.StoreId, new DocumentQuery { DeviceId = device.Id }).ToListAsync();

        Assert.Equal(expected, documents.Select(d => d.Id).OrderBy(i => i));
        Assert.Equal(0, server.Requests.Count(EvotorRouteKeys.Documents));
        Assert.True(server.Requests.Count(EvotorRouteKeys.DeviceDocuments) > 0);
    }

    [Fact]
    public async Task Since_after_until_is_refused_before_sending()
    {
        await using var server = await SmallPages();
        var query = new DocumentQuery { Since = DateTimeOffset.UtcNow, Until = DateTimeOffset.UtcNow.AddDays(-1) };
        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).GetDocumentsAsync(server.Evotor.Stores[0].Id, query).ToListAsync());
        Assert.Equal(0, server.Requests.Total);
    }

    [Fact]
    public async Task Bulk_tasks_with_status_filter_and_per_item_details()
    {
        await using var server = await SmallPages();
        var client = Client(server);

        var all = await client.GetBulkTasksAsync().ToListAsync();
        Assert.Equal(server.Evotor.BulkTasks.Select(t => t.Id).OrderBy(i => i), all.Select(t => t.Id).OrderBy(i => i));

        var failed = await client.GetBulkTasksAsync(new BulkTaskQuery { Statuses = new[] { "FAILED" } }).ToListAsync();
        var seededFailed = server.Evotor.BulkTasks.Single(t => t.Status == "FAILED");
        var task = Assert.Single(failed);
        Assert.Equal(seededFailed.Id, task.Id);
        Assert.True(task.IsFinished);
        Assert.Equal(seededFailed.Details!.Count, task.Details!.Count);
        Assert.Equal(seededFailed.Details.Select(d => d.Error is null), task.Details.Select(d => d.Ok));
        var error = seededFailed.Details.First(d => d.Error is not null).Error!;
        var gotError = task.Details.First(d => !d.Ok);
        Assert.Equal(error.Code, gotError.Code);
        Assert.Equal(error.ProductId, gotError.Id);
        Assert.Equal(error.Violations.Select(v => v.Subject), gotError.Violations.Select(v => v.Subject));
        Assert.Equal($"{task.Details.Count(d => d.Ok)} ok, {task.Details.Count(d => !d.Ok)} failed", task.Details.ToString());

        Assert.Equal(seededFailed.Status, (await client.GetBulkTaskAsync(seededFailed.Id)).Status);
    }

    [Fact]
    public async Task Fields_the_models_do_not_name_are_kept_in_Extra_everywhere()
    {
        await using var server = await SmallPages(o => o.UnknownFields = true);
        var client = Client(server);
        var store = server.Evotor.Stores[0].Id;

        var product = (await client.GetProductsAsync(store, null, new PageRange(0, 1)).ToListAsync())[0];
        Assert.Equal(server.Evotor.ProductsOf(store)[0].ExternalCode, product.Extra!["external_code"]);
        var document = (await client.GetDocumentsAsync(store, null, new PageRange(0, 1)).ToListAsync())[0];
        Assert.NotNull(document.Extra);
        var group = (await client.GetProductGroupsAsync(store, new PageRange(0, 1)).ToListAsync())[0];
        Assert.NotNull(group.Extra);
        Assert.NotNull((await client.GetDevicesAsync(new PageRange(0, 1)).ToListAsync())[0].Extra);
        Assert.NotNull((await client.GetEmployeesAsync(new PageRange(0, 1)).ToListAsync())[0].Extra);
        Assert.NotNull((await client.GetBulkTasksAsync(null, new PageRange(0, 1)).ToListAsync())[0].Extra);
    }
}
