using System.Text.Json;

namespace ApiTools.Http;

/// <summary>What the escape hatches (Invoke-EvotorRequest, Invoke-EnDocsRequest) share: a path and query typed by a
/// user turned into a request, and an answer read as raw JSON for the caller to shape.</summary>
public static class RawRequest
{
    /// <summary>The most a raw answer may be: it is held in memory whole as JSON.</summary>
    public const long MaxJsonBytes = 64L * 1024 * 1024;

    /// <summary>A request for <paramref name="pathAndQuery"/> relative to the API root; a full URL is refused (the
    /// connection decides the host, and the credential must not go elsewhere).</summary>
    /// <param name="example">A path of the service, for the error message (<c>stores</c>).</param>
    public static ApiRequest Parse(HttpMethod method, string pathAndQuery, string example)
    {
        if (string.IsNullOrWhiteSpace(pathAndQuery)) throw new ArgumentException("A path is required.", nameof(pathAndQuery));
        if (Uri.TryCreate(pathAndQuery, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Give a path relative to the API root (e.g. '{example}'), not a full URL: the connection decides the host.", nameof(pathAndQuery));
        var split = pathAndQuery.IndexOf('?');
        var request = new ApiRequest(method, (split < 0 ? pathAndQuery : pathAndQuery.Substring(0, split)).TrimStart('/'));
        if (split < 0) return request;
        foreach (var pair in pathAndQuery.Substring(split + 1).Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
            request.Query.Add(new KeyValuePair<string, string>(name, value));
        }
        return request;
    }

    /// <summary>The body as JSON, or null when there is none (204). A body that is not JSON but says it is text
    /// (<c>text/*</c>, as some EnDocs answers are) comes back as a JSON string; any other is cut off (a JsonException, retried)
    /// or malformed (refused, see <see cref="MalformedBody"/>).</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, string service, CancellationToken cancellationToken)
    {
        var bytes = await ResponseLimits.ReadAllAsync(response, MaxJsonBytes, service, cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException) when (response.Content.Headers.ContentType?.MediaType?.StartsWith("text/", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(System.Text.Encoding.UTF8.GetString(bytes)));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // Cut off: retried; malformed: refused at once, naming where.
            throw MalformedBody.Classify(service, response, bytes, e);
        }
    }
}
