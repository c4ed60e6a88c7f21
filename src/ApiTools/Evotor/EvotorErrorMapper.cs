using System.Text.Json;
using ApiTools.Evotor.Serialization;
using ApiTools.Http.RateLimiting;

namespace ApiTools.Evotor;

/// <summary>Evotor's statuses and v2 error bodies → ApiException, in one table.</summary>
internal sealed class EvotorErrorMapper : IErrorMapper
{
    public static EvotorErrorMapper Instance { get; } = new();

    public ApiException Map(ApiRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var parsed = TryParse(body);
        // "value" says where the server stopped reading (invalid_format: "line 1, column 161").
        var serverSaid = parsed?.Message is { Length: > 0 } m ? $" Evotor said: {m}{(parsed.Value is { Length: > 0 } v ? $" ({v})" : "")}" : "";
        var what = $"Evotor {request} returned {status}.";

        ApiException error = status switch
        {
            400 => new ApiValidationException(EvotorClient.ServiceName,
                what + serverSaid + Violations(parsed, out var list), list),
            401 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.Unauthorized,
                $"Evotor rejected the token (401) for {request}. Check the token given to Connect-Evotor or in EVOTOR_TOKEN."),
            402 or 403 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.Forbidden,
                what + " The token has no permission here, or the application is not installed on the store or terminal." + serverSaid),
            404 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.NotFound, $"Evotor has no such resource: {request} returned 404."),
            413 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.PayloadTooLarge, what + " The request body is over Evotor's 10 MB limit."),
            429 => new ApiRateLimitedException(EvotorClient.ServiceName, what + " Evotor's rate limit is exceeded.",
                RateLimitHeaders.From(response, System.DateTimeOffset.UtcNow).SuggestedWait),
            408 or >= 500 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.ServerError, what + serverSaid),
            _ => new ApiException(EvotorClient.ServiceName, ApiErrorKind.ProtocolError, what + serverSaid),
        };
        return error.With(status, parsed?.Code, request);
    }

    private static string Violations(EvotorErrorBody? body, out IReadOnlyList<ApiViolation> list)
    {
        list = body?.Violations?.Select(v => new ApiViolation(v.Subject, v.Reason ?? "invalid")).ToArray() ?? System.Array.Empty<ApiViolation>();
        return list.Count == 0 ? "" : " Violations: " + string.Join("; ", list) + ".";
    }

    private static EvotorErrorBody? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.TrimStart()[0] != '{') return null;
        try
        {
            return TolerantJson.Read(System.Text.Encoding.UTF8.GetBytes(body), EvotorJsonContext.Default.EvotorErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
