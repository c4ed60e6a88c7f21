using System.Net;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorDevicesAndEmployeesTests
{
    [Fact]
    public async Task Devices_page_by_id_across_every_store()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 5, EvotorDevicesPerStore = 2, MaxPageSize = 3 });
        using var client = Client(server);

        var pages = await AllPagesAsync(client, "evotor/devices");

        Assert.Equal(10, server.Evotor.Devices.Count);
        Assert.Equal([3, 3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(server.Evotor.Devices.Select(d => d.Id), pages.SelectMany(p => p).Select(Id));
        Assert.Equal(server.Evotor.Devices.Select(d => d.Id).Order(StringComparer.Ordinal), server.Evotor.Devices.Select(d => d.Id));
        Assert.Equal(4, server.Requests.Count(EvotorRouteKeys.Devices));
        Assert.All(server.Evotor.Stores, s => Assert.Equal(2, server.Evotor.DevicesOf(s.Id).Count));
    }

    [Fact]
    public async Task Device_json_matches_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorDevicesPerStore = 3 });
        using var client = Client(server);

        var items = await AllItemsAsync(client, "evotor/devices");

        Assert.Equal(15, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var seeded = server.Evotor.Devices[i];
            AssertNoNulls(item);
            Assert.Equal(seeded.Id, Id(item));
            Assert.Equal(seeded.Name, item.GetProperty("name").GetString());
            Assert.Equal(seeded.StoreId, item.GetProperty("store_id").GetString());
            Assert.NotNull(server.Evotor.FindStore(seeded.StoreId));
            Assert.Equal(seeded.TimezoneOffset, item.GetProperty("timezone_offset").GetInt64());
            Assert.Equal(0, seeded.TimezoneOffset % 3_600_000);
            Assert.Equal(seeded.Imei, item.TryGetProperty("imei", out var imei) ? imei.GetString() : null);
            Assert.Equal(seeded.FirmwareVersion, item.TryGetProperty("firmware_version", out var fw) ? fw.GetString() : null);
            if (seeded.Location is { } location)
            {
                Assert.Equal(location.Lng, item.GetProperty("location").GetProperty("lng").GetDecimal());
                Assert.Equal(location.Lat, item.GetProperty("location").GetProperty("lat").GetDecimal());
            }
            else Assert.False(item.TryGetProperty("location", out _));
            Assert.Equal(server.Evotor.UserId, item.GetProperty("user_id").GetString());
            Assert.Equal(seeded.CreatedAt, ParseTimestamp(item.GetProperty("created_at").GetString()!));
            Assert.Equal(seeded.UpdatedAt, ParseTimestamp(item.GetProperty("updated_at").GetString()!));
            Assert.False(item.TryGetProperty("external_code", out _));
        }
        // Optional fields vary: some devices have them, some do not.
        Assert.Contains(server.Evotor.Devices, d => d.Imei is null);
        Assert.Contains(server.Evotor.Devices, d => d.Imei is not null && d.FirmwareVersion is not null && d.Location is not null);
        Assert.Contains(server.Evotor.Devices, d => d.Location is null);
    }

    [Fact]
    public async Task Device_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var device = server.Evotor.Devices[3];

        var (response, _, json) = await GetJsonAsync(client, "evotor/devices/" + device.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(device.Id, Id(json));
        Assert.Equal(device.StoreId, json.GetProperty("store_id").GetString());
        await AssertNotFoundAsync(client, "evotor/devices/20990101-0000-0000-0000-000000000000");
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.Device));
    }

    [Fact]
    public async Task In_the_documentations_shapes_an_employees_stores_are_objects()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorShapes = EvotorShapes.Documentation });
        using var client = Client(server);

        var items = await AllItemsAsync(client, "evotor/employees");

        Assert.Equal(server.Evotor.Employees.Select(e => e.Stores), items.Select(i => i.GetProperty("stores").EnumerateArray()
            .Select(s => Assert.Single(s.EnumerateObject(), p => p.Name == "storeUuid").Value.GetString()!).ToList()));
    }

    [Fact]
    public async Task Employees_page_and_match_the_seed()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorEmployees = 9, MaxPageSize = 4 });
        using var client = Client(server);

        var pages = await AllPagesAsync(client, "evotor/employees");

        Assert.Equal([4, 4, 1], pages.Select(p => p.Count));
        var items = pages.SelectMany(p => p).ToList();
        Assert.Equal(server.Evotor.Employees.Select(e => e.Id), items.Select(Id));
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var seeded = server.Evotor.Employees[i];
            AssertNoNulls(item);
            Assert.Equal(["id", "name", "last_name", "patronymic_name", "phone", "stores", "role", "user_id", "created_at", "updated_at"],
                item.EnumerateObject().Select(p => p.Name));
            Assert.Equal(seeded.Name, item.GetProperty("name").GetString());
            Assert.Equal(seeded.LastName, item.GetProperty("last_name").GetString());
            Assert.Equal(seeded.PatronymicName, item.GetProperty("patronymic_name").GetString());
            Assert.Equal(seeded.Phone, item.GetProperty("phone").GetRawText()); // a number, as every reference shows it
            Assert.Equal(seeded.Stores, item.GetProperty("stores").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(seeded.Role, item.GetProperty("role").GetString());
            Assert.Contains(seeded.Role, new[] { "ADMIN", "CASHIER", "MANUAL" });
            Assert.All(seeded.Stores, s => Assert.NotNull(server.Evotor.FindStore(s)));
            Assert.Matches(TimestampPattern, item.GetProperty("created_at").GetString());
        }
        Assert.Equal("ADMIN", server.Evotor.Employees[0].Role);
        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), server.Evotor.Employees[0].Stores);
        // Every store has at least one non-admin on its staff.
        Assert.All(server.Evotor.Stores, s => Assert.Contains(server.Evotor.Employees.Skip(1), e => e.Stores.Contains(s.Id)));
    }

    [Fact]
    public async Task Employee_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var employee = server.Evotor.Employees[2];

        var (response, _, json) = await GetJsonAsync(client, "evotor/employees/" + employee.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(employee.LastName, json.GetProperty("last_name").GetString());
        await AssertNotFoundAsync(client, "evotor/employees/nope");
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.Employee));
    }

    [Fact]
    public async Task No_devices_or_employees_gives_an_empty_last_page()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorDevicesPerStore = 0, EvotorEmployees = 0 });
        using var client = Client(server);

        var (_, devices, _) = await GetJsonAsync(client, "evotor/devices");
        var (_, employees, _) = await GetJsonAsync(client, "evotor/employees");

        Assert.Equal("""{"items":[],"paging":{}}""", devices);
        Assert.Equal("""{"items":[],"paging":{}}""", employees);
        Assert.Empty(server.Evotor.Documents); // documents need a device
    }
}
