using Xunit;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorStoresTests
{
    private static readonly Regex Timestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$");
    private static readonly Regex StoreId = new(@"^\d{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$");

    [Theory]
    [InlineData(5, new[] { 2, 2, 1 })]
    [InlineData(4, new[] { 2, 2 })] // an exact multiple ends without an empty extra page
    [InlineData(0, new[] { 0 })]
    public async Task Pages_follow_the_cursor_and_end_with_empty_paging(int stores, int[] pageSizes)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = stores, MaxPageSize = 2 });
        using var client = Client(server);

        var pages = await AllStorePagesAsync(client);

        Assert.Equal(pageSizes, pages.Select(p => p.Count));
        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), pages.SelectMany(p => p).Select(s => s.GetProperty("id").GetString()));
        Assert.Equal(pageSizes.Length, server.Requests.Count(EvotorRouteKeys.Stores));
    }

    [Fact]
    public async Task Last_page_has_an_empty_paging_object()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 3 });
        using var client = Client(server);

        var (_, body, json) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(3, json.GetProperty("items").GetArrayLength());
        Assert.Empty(json.GetProperty("paging").EnumerateObject());
        Assert.Contains("\"paging\":{}", body);
    }

    [Fact]
    public async Task Limit_shrinks_pages_and_is_honoured_with_a_cursor()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 7 });
        using var client = Client(server);

        var (_, _, first) = await GetJsonAsync(client, "evotor/stores?limit=3");
        var cursor = first.GetProperty("paging").GetProperty("next_cursor").GetString()!;
        var (_, _, carried) = await GetJsonAsync(client, "evotor/stores?cursor=" + Uri.EscapeDataString(cursor));
        var (_, _, overridden) = await GetJsonAsync(client, $"evotor/stores?cursor={Uri.EscapeDataString(cursor)}&limit=1");

        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(3, carried.GetProperty("items").GetArrayLength());
        Assert.Equal(1, overridden.GetProperty("items").GetArrayLength());
        Assert.Equal(server.Evotor.Stores[3].Id, overridden.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=", "cursor")]
    public async Task Invalid_paging_arguments_are_400_with_a_violation(string query, string subject)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, _, json) = await GetJsonAsync(client, "evotor/stores?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", json.GetProperty("code").GetString());
        Assert.Equal("validation failed for specified payload", json.GetProperty("message").GetString());
        var violation = Assert.Single(json.GetProperty("violations").EnumerateArray());
        Assert.Equal(subject, violation.GetProperty("subject").GetString());
        Assert.False(string.IsNullOrEmpty(violation.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_smaller_configured_page_size_caps_pages_while_limit_stays_valid_up_to_the_contract_maximum()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        server.Settings.MaxPageSize = 2;

        var (asked, _, capped) = await GetJsonAsync(client, "evotor/stores?limit=3");
        var (_, _, page) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal(2, capped.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Store_json_matches_the_contract()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);

        var (response, body, json) = await GetJsonAsync(client, "evotor/stores");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("+0000\"", body); // written literally, not as \u002B
        AssertNoNulls(json);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var seeded = server.Evotor.Stores[i];
            Assert.Equal(["id", "name", "address", "user_id", "created_at", "updated_at"], item.EnumerateObject().Select(p => p.Name));
            Assert.Matches(StoreId, item.GetProperty("id").GetString());
            Assert.Matches(Timestamp, item.GetProperty("created_at").GetString());
            Assert.Matches(Timestamp, item.GetProperty("updated_at").GetString());
            Assert.Equal(seeded.Id, item.GetProperty("id").GetString());
            Assert.Equal(seeded.Name, item.GetProperty("name").GetString());
            Assert.Equal(seeded.CreatedAt, ParseTimestamp(item.GetProperty("created_at").GetString()!));
            Assert.Equal(seeded.UpdatedAt, ParseTimestamp(item.GetProperty("updated_at").GetString()!));
            Assert.StartsWith(seeded.CreatedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture), seeded.Id);
            Assert.True(seeded.UpdatedAt >= seeded.CreatedAt && seeded.UpdatedAt <= server.Evotor.StartedAt);
        }
        Assert.Contains(server.Evotor.Stores, s => s.UpdatedAt > server.Evotor.StartedAt.AddDays(-1));
        Assert.Equal("Магазин №1", items[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unknown_fields_option_adds_an_extra_field()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { UnknownFields = true });
        using var client = Client(server);

        var (_, _, json) = await GetJsonAsync(client, "evotor/stores/" + server.Evotor.Stores[0].Id);

        Assert.Equal("S-0001", json.GetProperty("external_code").GetString());
    }

    [Fact]
    public async Task Store_by_id_or_404()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[2];

        var (found, _, json) = await GetJsonAsync(client, "evotor/stores/" + store.Id);
        var (missing, _, error) = await GetJsonAsync(client, "evotor/stores/20990101-0000-0000-0000-000000000000");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(store.Address, json.GetProperty("address").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Equal("application/json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Same_seed_gives_the_same_stores()
    {
        await using var a = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 7 });
        await using var b = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 7 });
        await using var c = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = 8 });

        // Ids start with a creation date relative to the start, so compare what follows it.
        static string Shape(EmulatorServer s) => string.Join("|", s.Evotor.Stores.Select(x => $"{x.Id[8..]} {x.Name} {x.Address} {x.UserId}"));
        Assert.Equal(Shape(a), Shape(b));
        Assert.NotEqual(Shape(a), Shape(c));
    }

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static void AssertNoNulls(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail("the response contains a null");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) AssertNoNulls(property.Value);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) AssertNoNulls(item);
                break;
        }
    }
}
