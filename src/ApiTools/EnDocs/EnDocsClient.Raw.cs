using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ApiTools.EnDocs;

// The escape hatch behind Invoke-EnDocsRequest: any path with the same auth, retry and throttling,
// returning raw JSON for the caller to shape.
public sealed partial class EnDocsClient
{
    /// <summary>Sends one GET or POST; returns the JSON body, or null when there is none (204). A POST is sent as given
    /// and retried only where EnDocs certainly did not act: EnDocs only logs a RequestID, so one in the body does not
    /// make a repeat safe, and the module cannot tell whether the body is keyed.</summary>
    /// <param name="pathAndQuery">Relative to the base URI, e.g. <c>Output/GetClientInfo</c>.</param>
    /// <param name="jsonBody">Sent as is (null: no body).</param>
    public Task<JsonElement?> InvokeAsync(string method, string pathAndQuery, string? jsonBody, CancellationToken cancellationToken = default)
    {
        var request = Raw(method, pathAndQuery);
        if (jsonBody is not null)
            request.Content = () => new StringContent(jsonBody, Encoding.UTF8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
        return Transport.SendAsync(request, (r, ct) => RawRequest.ReadJsonAsync(r, ServiceName, ct), cancellationToken);
    }

    /// <summary>The items of a <c>{"key","value"}</c> list (or a bare JSON array), streamed like <see cref="GetDocumentsAsync"/>.</summary>
    public IAsyncEnumerable<JsonElement> InvokeListAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var request = Raw("GET", pathAndQuery);
        return StreamListAsync(request, (ref Utf8JsonReader r) => JsonElement.ParseValue(ref r), Describe, cancellationToken);

        static string Describe(JsonElement e) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) ? id.ToString() : "(no id)";
    }

    private static ApiRequest Raw(string method, string pathAndQuery)
    {
        var verb = (method ?? "").Trim().ToUpperInvariant();
        if (verb is not ("GET" or "POST")) throw new ArgumentException("EnDocs reads with GET and writes with POST; no other method is used.", nameof(method));
        return RawRequest.Parse(new HttpMethod(verb), pathAndQuery, "Output/GetClientInfo");
    }
}
