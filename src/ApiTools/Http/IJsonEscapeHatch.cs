using System.Text.Json;

namespace ApiTools.Http;

/// <summary>A client of a JSON service with an escape hatch (Evotor, EnDocs): any method and path, with the client's auth,
/// retry and throttling, answered as raw JSON.</summary>
public interface IJsonEscapeHatch
{
    /// <summary>Sends one request; returns the JSON body, or null when there is none (204).</summary>
    Task<JsonElement?> InvokeAsync(string method, string pathAndQuery, string? jsonBody, CancellationToken cancellationToken = default);
}
