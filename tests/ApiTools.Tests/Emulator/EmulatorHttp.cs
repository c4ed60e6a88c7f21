using Xunit;
using System.Net.Http.Headers;
using System.Text.Json;
using ApiTools.Emulator;

namespace ApiTools.Tests.Emulator;

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
    public static async Task<List<List<JsonElement>>> AllStorePagesAsync(HttpClient client, string firstQuery = "", int maxPages = 100)
    {
        var pages = new List<List<JsonElement>>();
        var path = "evotor/stores" + firstQuery;
        for (var i = 0; i < maxPages; i++)
        {
            var (response, _, json) = await GetJsonAsync(client, path);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            pages.Add([.. json.GetProperty("items").EnumerateArray()]);
            if (!json.GetProperty("paging").TryGetProperty("next_cursor", out var cursor)) return pages;
            path = "evotor/stores?cursor=" + Uri.EscapeDataString(cursor.GetString()!);
        }
        throw new Xunit.Sdk.XunitException($"paging did not end within {maxPages} pages");
    }
}
