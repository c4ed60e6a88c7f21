using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApiTools.Paging;

namespace ApiTools.Evotor;

// The escape hatch behind Invoke-EvotorRequest: any method and path with the same auth, retry,
// throttling and paging, returning raw JSON for the caller to shape.
public sealed partial class EvotorClient
{
    /// <summary>Sends one request; returns the JSON body, or null when there is none (204).</summary>
    /// <param name="method">GET, POST, PUT, PATCH or DELETE.</param>
    /// <param name="pathAndQuery">Relative to the API root, e.g. <c>stores/123/products?limit=10</c>.</param>
    /// <param name="jsonBody">Sent as is with Evotor's media type (null: no body).</param>
    public Task<JsonElement?> InvokeAsync(string method, string pathAndQuery, string? jsonBody, CancellationToken cancellationToken = default)
    {
        var request = RawRequest.Parse(new HttpMethod(method.ToUpperInvariant()), pathAndQuery, "stores");
        if (jsonBody is not null)
            request.Content = () => new StringContent(jsonBody, Encoding.UTF8) { Headers = { ContentType = new MediaTypeHeaderValue(MediaType) } };
        return Transport.SendAsync(request, ReadRawAsync, cancellationToken);
    }

    /// <summary>Follows the cursor of a list path and yields each element of <c>items</c>, page by page.</summary>
    public IAsyncEnumerable<JsonElement> InvokePagedAsync(string pathAndQuery, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var first = RawRequest.Parse(HttpMethod.Get, pathAndQuery, "stores");
        return Pager.StreamAsync(FetchAsync, range, MaxPageSize, Transport.Observer, cancellationToken, ServiceName, ItemKeys.Of);

        async Task<Page<JsonElement>> FetchAsync(string? cursor, int? limit, CancellationToken ct)
        {
            var request = PageRequest(first.Path, first.Query, cursor, limit);
            var body = await Transport.SendAsync(request, ReadRawAsync, ct).ConfigureAwait(false);
            return ToPage(body, request);
        }
    }

    private static Page<JsonElement> ToPage(JsonElement? body, ApiRequest request)
    {
        if (body is not JsonElement root || root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor {request} did not answer with a list ({{\"items\":[…]}}); -All needs a list path.");
        var list = new List<JsonElement>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray()) list.Add(item);
        string? next = null;
        if (root.TryGetProperty("paging", out var paging) && paging.ValueKind == JsonValueKind.Object
            && paging.TryGetProperty("next_cursor", out var cursor) && cursor.ValueKind == JsonValueKind.String)
            next = cursor.GetString();
        return new Page<JsonElement>(list, next);
    }

    private static Task<JsonElement?> ReadRawAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        RawRequest.ReadJsonAsync(response, ServiceName, cancellationToken);
}
