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
                what + serverSaid + Violations(parsed, out var list) +
                (request.Path.Contains("/products") ? EvotorHints.MissingGroup(list, EvotorHints.StoreOf(request.Path)) : null), list),
            401 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.Unauthorized,
                $"Evotor rejected the token (401) for {request}. Check the token given to Connect-Evotor or in EVOTOR_TOKEN."),
            402 or 403 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.Forbidden,
                what + " The token has no permission here, or the application is not installed on the store or terminal." + serverSaid),
            404 when IsRoot(request) => new ApiException(EvotorClient.ServiceName, ApiErrorKind.Configuration,
                $"Evotor {request} returned 404 at {Root(response, request)}, where every account has that list: is that Evotor's API root? " +
                "Check -BaseUri of Connect-Evotor or the EVOTOR_BASE_URI environment variable (Evotor's own is https://api.evotor.ru)."),
            404 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.NotFound, $"Evotor has no such resource: {request} returned 404."),
            413 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.PayloadTooLarge, what + " The request body is over Evotor's 10 MB limit."),
            429 => new ApiRateLimitedException(EvotorClient.ServiceName, what + " Evotor's rate limit is exceeded.",
                RateLimitHeaders.From(response, System.DateTimeOffset.UtcNow).SuggestedWait),
            408 or >= 500 => new ApiException(EvotorClient.ServiceName, ApiErrorKind.ServerError, what + serverSaid),
            _ => new ApiException(EvotorClient.ServiceName, ApiErrorKind.ProtocolError, what + serverSaid),
        };
        return error.With(status, parsed?.Code, request);
    }

    /// <summary>A list every account has: a 404 there means the base URI is wrong, not that something is missing.</summary>
    private static bool IsRoot(ApiRequest request) => request.Path.TrimStart('/') is "stores" or "devices" or "employees" or "bulks";

    /// <summary>The API root the request went to: its URL without the request's own path.</summary>
    private static string Root(HttpResponseMessage response, ApiRequest request)
    {
        var url = response.RequestMessage?.RequestUri?.GetLeftPart(System.UriPartial.Path) ?? "";
        var path = "/" + request.Path.TrimStart('/');
        return url.EndsWith(path, System.StringComparison.Ordinal) ? url.Substring(0, url.Length - path.Length) : url;
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
