using Xunit;
using System.Net.Http.Headers;
using System.Text.Json;
using ApiTools.Emulator;

namespace ApiTools.Emulator.Tests;

/// <summary>Plain HttpClient plumbing shared by the emulator tests: no client library involved.</summary>
internal static class EmulatorHttp
{
    public const string Token = "evotor-demo-token";

    /// <summary>A client rooted at the server's address, sending the Evotor Accept header and, if given, a bearer token.</summary>
    public static HttpClient Client(EmulatorServer server, string? bearer = Token)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.evotor.v2+json");
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    public static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return (response, body, document.RootElement.Clone());
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    /// <summary>Walks every page of /evotor/stores, returning the pages' items in order.</summary>
    public static Task<List<List<JsonElement>>> AllStorePagesAsync(HttpClient client, string firstQuery = "", int maxPages = 100) =>
        AllPagesAsync(client, "evotor/stores", firstQuery, maxPages);

    /// <summary>
    /// Walks every page of a list (<paramref name="path"/> without a query), the first request with
    /// <paramref name="firstQuery"/> ("?since=…"), the rest with the cursor only; returns the pages' items.
    /// Fails on a non-200, a repeated cursor or more than <paramref name="maxPages"/> pages.
    /// </summary>
    public static async Task<List<List<JsonElement>>> AllPagesAsync(HttpClient client, string path, string firstQuery = "", int maxPages = 100)
    {
        var pages = new List<List<JsonElement>>();
        var seen = new HashSet<string>();
        var next = path + firstQuery;
        for (var i = 0; i < maxPages; i++)
        {
            var (response, body, json) = await GetJsonAsync(client, next);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{next}: {(int)response.StatusCode} {body}");
            pages.Add([.. json.GetProperty("items").EnumerateArray()]);
            if (!json.GetProperty("paging").TryGetProperty("next_cursor", out var cursor)) return pages;
            Assert.True(seen.Add(cursor.GetString()!), "a next_cursor repeated");
            next = path + "?cursor=" + Uri.EscapeDataString(cursor.GetString()!);
        }
        throw new Xunit.Sdk.XunitException($"paging did not end within {maxPages} pages");
    }

    /// <summary>Every item of every page, in order.</summary>
    public static async Task<List<JsonElement>> AllItemsAsync(HttpClient client, string path, string firstQuery = "", int maxPages = 100) =>
        [.. (await AllPagesAsync(client, path, firstQuery, maxPages)).SelectMany(p => p)];

    public static string Id(JsonElement item) => item.GetProperty("id").GetString()!;

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);

    public static readonly System.Text.RegularExpressions.Regex TimestampPattern = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$");

    public static void AssertNoNulls(JsonElement element)
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

    /// <summary>Asserts a 400 validation_failed body whose violations name exactly <paramref name="subjects"/>.</summary>
    public static async Task AssertBadRequestAsync(HttpClient client, string path, params string[] subjects)
    {
        var (response, body, json) = await GetJsonAsync(client, path);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("validation_failed", json.GetProperty("code").GetString());
        var violations = json.GetProperty("violations").EnumerateArray().ToList();
        Assert.Equal(subjects, violations.Select(v => v.GetProperty("subject").GetString()));
        Assert.All(violations, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("reason").GetString())));
    }

    /// <summary>Asserts Evotor's 404 body.</summary>
    public static async Task AssertNotFoundAsync(HttpClient client, string path)
    {
        var (response, body, json) = await GetJsonAsync(client, path);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("not_found", json.GetProperty("code").GetString());
    }
}
