using ApiTools.Http.RateLimiting;

namespace ApiTools.EnDocs;

/// <summary>Where and as whom to reach EnDocs. Shows its base URI and where it came from, never the
/// token: the token is held as a <see cref="Secret"/> that only the client library can read.</summary>
public sealed class EnDocsConnection : TokenConnection
{
    public const string DefaultBaseUri = "https://api.endocs.cloud";
    public const string TokenVariable = "ENDOCS_TOKEN";
    public const string BaseUriVariable = "ENDOCS_BASE_URI";

    /// <summary>EnDocs' published limit: 300 requests a minute per key.</summary>
    public const int DefaultRequestsPerMinute = 300;

    private EnDocsConnection(Secret token, Uri baseUri, string source, RetryOptions retry, int requestsPerMinute)
        : base(EnDocsClient.ServiceName, token, baseUri, source, retry)
    {
        RequestsPerMinute = requestsPerMinute;
        Pace = Pace.PerMinute(requestsPerMinute);
    }

    /// <summary>The client-side rate for this key, shared by every runspace of the process.</summary>
    public int RequestsPerMinute { get; }

    public override Pace Pace { get; }

    /// <param name="baseUri">The API root, with the base path if the server needs one: the public docs route
    /// <c>/{controller}/{action}</c>, older servers <c>/api/{controller}/{action}</c>.</param>
    public static EnDocsConnection Create(Secret token, Uri? baseUri = null, string source = "code", RetryOptions? retry = null,
        int requestsPerMinute = DefaultRequestsPerMinute)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        if (requestsPerMinute < 1 || requestsPerMinute > 6000)
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "RequestsPerMinute must be 1..6000.");
        var (uri, checkedRetry) = Checked(EnDocsClient.ServiceName, baseUri, DefaultBaseUri, source, retry);
        return new EnDocsConnection(token, uri, source, checkedRetry, requestsPerMinute);
    }

    /// <summary>The connection that <c>ENDOCS_TOKEN</c> (and <c>ENDOCS_BASE_URI</c>) describe, or null when no token is set.</summary>
    public static EnDocsConnection? FromEnvironment(RetryOptions? retry = null) =>
        TokenFromVariable(TokenVariable) is Secret token
            ? Create(token, BaseUriFromEnvironment(), $"the {TokenVariable} environment variable", retry)
            : null;

    /// <summary>The base URI that <c>ENDOCS_BASE_URI</c> names, or null when it is not set; a malformed one is an error.</summary>
    public static Uri? BaseUriFromEnvironment() => BaseUriFromVariable(EnDocsClient.ServiceName, BaseUriVariable);
}
