using System.Text.Json;
using System.Text.RegularExpressions;
using ApiTools.EnDocs.Serialization;
using ApiTools.Http.RateLimiting;

namespace ApiTools.EnDocs;

/// <summary>
/// EnDocs' failures → ApiException, in one table. The message comes as a bare string (text/plain, or a JSON string
/// literal: what EnDocs' backend sends), <c>{"error": …}</c> or <c>{"message": …}</c>; a <c>#err-NN</c> tag in it decides
/// the kind, then the backend's untagged "not found" texts, then the status.
/// </summary>
internal sealed class EnDocsErrorMapper : IErrorMapper
{
    private const string Service = EnDocsClient.ServiceName;
    private static readonly Regex Tag = new(@"#\s*err-(\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // The backend's 400s for a record a write names that is not there (no #err tag): DocApproval, ExtDoc, Contract.
    private static readonly Regex Missing = new(@"^No NonFormDoc with id \d+|^No (Metadata|Contract) document was found", RegexOptions.CultureInvariant);

    public static EnDocsErrorMapper Instance { get; } = new();

    public ApiException Map(ApiRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var said = ServerText(body);
        var match = said is null ? null : Tag.Match(said);
        var code = match is { Success: true } ? "err-" + match.Groups[1].Value : null;
        var serverSaid = said is { Length: > 0 } ? $" EnDocs said: {said}" : "";
        var what = $"EnDocs {request} returned {status}.";

        ApiException error = code switch
        {
            "err-30" or "err-40" or "err-80" => Unauthorized(request, status, serverSaid),
            "err-20" => new ApiException(Service, ApiErrorKind.PayloadTooLarge, what + " The files are over EnDocs' 20 MB limit." + serverSaid),
            "err-50" => new ApiException(Service, ApiErrorKind.Forbidden, what + " The EnDocs client (account) is blocked." + serverSaid),
            "err-60" => new ApiException(Service, ApiErrorKind.QuotaExhausted, what + " The account's storage quota is exceeded." + serverSaid),
            "err-70" => new ApiException(Service, ApiErrorKind.NotFound, $"EnDocs has no such file or document: {request} returned {status}." + serverSaid),
            "err-10" => new ApiException(Service, ApiErrorKind.ServerError, what + " EnDocs asks to update the 1C configuration." + serverSaid),
            _ => ByStatus(request, response, status, what, said, serverSaid),
        };
        return error.With(status, code, request);
    }

    private static ApiException ByStatus(ApiRequest request, HttpResponseMessage response, int status, string what, string? said, string serverSaid) => status switch
    {
        400 when said is not null && Missing.IsMatch(said) =>
            new ApiException(Service, ApiErrorKind.NotFound, $"EnDocs has no such document: {request} returned {status}." + serverSaid),
        400 => new ApiValidationException(Service, what + serverSaid,
            said is { Length: > 0 } ? new[] { new ApiViolation(null, said) } : System.Array.Empty<ApiViolation>()),
        401 => Unauthorized(request, status, serverSaid),
        403 => new ApiException(Service, ApiErrorKind.Forbidden, what + " The token has no permission here." + serverSaid),
        404 => new ApiException(Service, ApiErrorKind.NotFound, $"EnDocs has no such resource: {request} returned 404." + serverSaid),
        413 => new ApiException(Service, ApiErrorKind.PayloadTooLarge, what + " The request is over EnDocs' size limit." + serverSaid),
        429 => new ApiRateLimitedException(Service, what + " EnDocs' rate limit (300 requests a minute per key) is exceeded." + serverSaid,
            RateLimitHeaders.From(response, System.DateTimeOffset.UtcNow).SuggestedWait),
        408 or >= 500 => new ApiException(Service, ApiErrorKind.ServerError, what + serverSaid),
        _ => new ApiException(Service, ApiErrorKind.ProtocolError, what + serverSaid),
    };

    private static ApiException Unauthorized(ApiRequest request, int status, string serverSaid) =>
        new(Service, ApiErrorKind.Unauthorized,
            $"EnDocs rejected the token ({status}) for {request}. Check the token given to Connect-EnDocs or in ENDOCS_TOKEN (copied from the account's 1C settings).{serverSaid}");

    /// <summary>The server's words: the error or message member of a JSON body, else the text itself (trimmed, capped).</summary>
    internal static string? ServerText(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        var trimmed = body.Trim();
        if (trimmed[0] == '{')
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(trimmed, EnDocsJsonContext.Default.ErrorWire);
                if (parsed?.Error is { Length: > 0 } e) return Cap(e);
                if (parsed?.Message is { Length: > 0 } m) return Cap(m);
            }
            catch (JsonException)
            {
                // not JSON after all: shown as text
            }
        }
        else if (trimmed[0] == '"')
        {
            try { return Cap(JsonSerializer.Deserialize(trimmed, EnDocsJsonContext.Default.JsonElement).GetString() ?? ""); }
            catch (JsonException) { }
            catch (System.InvalidOperationException) { }
        }
        return Cap(trimmed);
    }

    private static string Cap(string text) => text.Length > 500 ? text.Substring(0, 500) + "…" : text;
}
