using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;

namespace ApiTools.Emulator.Tests;

/// <summary>Plain HttpClient plumbing for the EnDocs emulator tests.</summary>
internal static class EnDocsHttp
{
    public const string Token = "endocs-demo-token";

    public static HttpClient Client(EmulatorServer server, string? bearer = Token)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>A list path: <c>endocs[/api]/Output/{action}/{afterId}/{new GUID}</c>.</summary>
    public static string ListPath(EnDocsDocumentKind kind, long afterId = 0, bool api = false) =>
        $"endocs{(api ? "/api" : "")}/Output/{Action(kind)}/{afterId}/{Guid.NewGuid()}";

    public static string Action(EnDocsDocumentKind kind) => kind switch
    {
        EnDocsDocumentKind.Contract => "GetNewContracts",
        EnDocsDocumentKind.Invoice => "GetNewInvoices",
        EnDocsDocumentKind.Input => "GetNewInputs",
        _ => "GetNonFormDoc",
    };

    public static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var json = body.Length > 0 && body[0] is '{' or '[' ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return (response, body, json);
    }

    /// <summary>The <c>value</c> items of a list, after asserting 200 and that <c>key</c> counts them.</summary>
    public static async Task<List<JsonElement>> ListAsync(HttpClient client, EnDocsDocumentKind kind, long afterId = 0, bool api = false)
    {
        var path = ListPath(kind, afterId, api);
        var (response, body, json) = await GetAsync(client, path);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        var items = json.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(items.Count, json.GetProperty("key").GetInt32());
        return items;
    }

    public static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> PostAsync(HttpClient client, string path, object body)
    {
        var text = body as string ?? JsonSerializer.Serialize(body);
        var response = await client.PostAsync(path, new StringContent(text, Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();
        var json = answer.Length > 0 && answer[0] is '{' or '[' ? JsonDocument.Parse(answer).RootElement.Clone() : default;
        return (response, answer, json);
    }

    /// <summary>An error's text: EnDocs answers with a bare string (text/plain here: these clients send no Accept header).</summary>
    public static string Error(HttpResponseMessage response, string body)
    {
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return body;
    }

    public static readonly System.Text.RegularExpressions.Regex DatePattern = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$");
}
