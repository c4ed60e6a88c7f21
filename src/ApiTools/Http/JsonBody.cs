using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ApiTools.Http;

/// <summary>A JSON answer read into a model, within the service's cap on what it reads into memory.</summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, long limit, string service, CancellationToken cancellationToken)
    {
        using var stream = await ResponseLimits.OpenAsync(response, limit, service).ConfigureAwait(false);
        var value = await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false);
        return value ?? throw new JsonException($"{service} answered with an empty JSON body.");
    }
}
