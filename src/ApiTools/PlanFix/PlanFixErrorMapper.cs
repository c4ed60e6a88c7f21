using ApiTools.Http.RateLimiting;

namespace ApiTools.PlanFix;

/// <summary>
/// PlanFix's failures → ApiException, in one place: HTTP-level ones (a missing Basic header, 429, 5xx) by status as
/// for Evotor, API-level ones (<c>&lt;response status="error"&gt;&lt;code&gt;</c>, sent with HTTP 200) by code through
/// <see cref="PlanFixErrorCodes"/>. Every message is scrubbed of the API key, token, password and session id.
/// </summary>
internal sealed class PlanFixErrorMapper : IErrorMapper
{
    private const string Service = PlanFixClient.ServiceName;
    private readonly PlanFixConnection _connection;

    public PlanFixErrorMapper(PlanFixConnection connection) => _connection = connection;

    public ApiException Map(ApiRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var method = request.Operation ?? "?";
        if (status is >= 300 and < 400) return new PlanFixRedirect(method, response.Headers.Location, status);
        // file.download answers 403 and 404 with PlanFix's XML error; its code says more than the status.
        if (status is not (401 or 429) && ErrorCode(body) is { } code)
        {
            var fromCode = FromCode(method, code, Message(body), status);
            if (status == 404 && fromCode.Kind == ApiErrorKind.ProtocolError)
                return new ApiException(Service, ApiErrorKind.NotFound, fromCode.Message) { StatusCode = status, ErrorCode = code, Method = "POST", Path = method };
            return fromCode;
        }
        var what = $"PlanFix {method} returned HTTP {status}.";
        ApiException error = status switch
        {
            404 when method == "file.download" => new ApiException(Service, ApiErrorKind.NotFound, what + " PlanFix has no such file."),
            403 when method == "file.download" => new ApiException(Service, ApiErrorKind.Forbidden, what + " This user may not download the file."),
            401 => new ApiException(Service, ApiErrorKind.Unauthorized,
                $"PlanFix refused the API key (HTTP 401) for {method}. Check the key given to Connect-PlanFix or in {PlanFixConnection.ApiKeyVariable}."),
            403 => new ApiException(Service, ApiErrorKind.Forbidden, what + " The key has no permission here."),
            404 => new ApiException(Service, ApiErrorKind.Configuration, what + $" Is {_connection.BaseUri} a PlanFix XML endpoint? Set -BaseUri or {PlanFixConnection.BaseUriVariable}."),
            429 => new ApiRateLimitedException(Service, what + " PlanFix's rate limit (1 request a second per account and key) is exceeded.",
                RateLimitHeaders.From(response, DateTimeOffset.UtcNow).SuggestedWait),
            408 or >= 500 => new ApiException(Service, ApiErrorKind.ServerError, what),
            _ => new ApiException(Service, ApiErrorKind.ProtocolError, what),
        };
        error.StatusCode = status;
        error.Method = "POST";
        error.Path = method;
        return error;
    }

    /// <summary>An API-level error: the kind and English meaning from the code table, PlanFix's own words after them.</summary>
    public ApiException FromCode(string method, string? code, string? message, int status)
    {
        var entry = PlanFixErrorCodes.Lookup(code);
        var said = string.IsNullOrWhiteSpace(message) ? "" : $" PlanFix said: {Cap(Scrub(message!.Trim()))}";
        var head = $"PlanFix {method} failed with error {code ?? "(no code)"}: {entry.Meaning}.";
        ApiException error = entry.Kind switch
        {
            ApiErrorKind.ValidationFailed => new ApiValidationException(Service, head + said,
                new[] { new ApiViolation(null, string.IsNullOrWhiteSpace(message) ? entry.Meaning : Cap(Scrub(message!.Trim()))) }),
            ApiErrorKind.Unauthorized => new ApiException(Service, ApiErrorKind.Unauthorized, head + " " + AuthHint(code) + said),
            ApiErrorKind.QuotaExhausted => new ApiException(Service, ApiErrorKind.QuotaExhausted,
                $"PlanFix {method} failed with error 0007: the daily request limit of account {_connection.Account} is spent. " +
                "Nothing more can be sent today with this account; the count starts again tomorrow." + said),
            ApiErrorKind.Configuration => new ApiException(Service, ApiErrorKind.Configuration,
                head + $" The account lives in another data centre: set -BaseUri (or {PlanFixConnection.BaseUriVariable}) to its endpoint, e.g. https://api.planfix.com/xml/." + said),
            _ => new ApiException(Service, entry.Kind, head + said),
        };
        error.StatusCode = status;
        error.ErrorCode = code;
        error.Method = "POST";
        error.Path = method;
        return error;
    }

    private string AuthHint(string? code) => code switch
    {
        "0001" => $"Check the API key given to Connect-PlanFix -ApiKey or in {PlanFixConnection.ApiKeyVariable}.",
        "0004" => $"Check the account name ('{_connection.Account}') given to Connect-PlanFix -Account or in {PlanFixConnection.AccountVariable}.",
        "0012" => $"Check the user token given to Connect-PlanFix -Token or in {PlanFixConnection.TokenVariable}.",
        "1001" => $"Check the login and password given to Connect-PlanFix -Credential or in {PlanFixConnection.LoginVariable}/{PlanFixConnection.PasswordVariable}.",
        "0005" => "A new session was refused as well; sign in again with Connect-PlanFix.",
        _ => "Check the credentials given to Connect-PlanFix.",
    };

    /// <summary>Removes every secret of the connection from server text (PlanFix may echo what it was sent), in any
    /// encoding it could come in (the XML parser has already decoded the text once).</summary>
    public string Scrub(string text) => SecretScrubber.Scrub(text, _connection.Secrets);

    /// <summary>The code of a <c>&lt;response status="error"&gt;</c> body, or null when the body is not one.</summary>
    private static string? ErrorCode(string body) => Parsed(body)?.Element("code")?.Value.Trim() is { Length: > 0 } code ? code : null;

    private static string? Message(string body) => Parsed(body)?.Element("message")?.Value;

    private static System.Xml.Linq.XElement? Parsed(string body)
    {
        if (body.IndexOf("<response", StringComparison.Ordinal) < 0) return null;
        try
        {
            var root = Serialization.PlanFixXml.Parse(body);
            return root.Name.LocalName == "response" && root.Attribute("status")?.Value == "error" ? root : null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string Cap(string text) => text.Length > 500 ? text.Substring(0, 500) + "…" : text;
}
