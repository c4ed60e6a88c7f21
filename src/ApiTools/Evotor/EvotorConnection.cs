using ApiTools.Http.RateLimiting;

namespace ApiTools.Evotor;

/// <summary>Where and as whom to reach Evotor. Shows its base URI and where it came from, never the
/// token: the token is held as a <see cref="Secret"/> that only the client library can read.</summary>
public sealed class EvotorConnection : TokenConnection
{
    public const string DefaultBaseUri = "https://api.evotor.ru";
    public const string TokenVariable = "EVOTOR_TOKEN";
    public const string BaseUriVariable = "EVOTOR_BASE_URI";

    private EvotorConnection(Secret token, Uri baseUri, string source, RetryOptions retry)
        : base(EvotorClient.ServiceName, token, baseUri, source, retry)
    {
    }

    /// <summary>Evotor says its own budget in X-RateLimit-* headers; the client follows them.</summary>
    public override Pace Pace => Pace.ServerGuided;

    public static EvotorConnection Create(Secret token, Uri? baseUri = null, string source = "code", RetryOptions? retry = null)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        var (uri, checkedRetry) = Checked(EvotorClient.ServiceName, baseUri, DefaultBaseUri, source, retry);
        return new EvotorConnection(token, uri, source, checkedRetry);
    }

    /// <summary>The connection that <c>EVOTOR_TOKEN</c> (and <c>EVOTOR_BASE_URI</c>) describe, or null when no token is set.</summary>
    public static EvotorConnection? FromEnvironment(RetryOptions? retry = null) =>
        TokenFromVariable(TokenVariable) is Secret token
            ? Create(token, BaseUriFromEnvironment(), $"the {TokenVariable} environment variable", retry)
            : null;

    /// <summary>The base URI that <c>EVOTOR_BASE_URI</c> names, or null when it is not set; a malformed one is an error.</summary>
    public static Uri? BaseUriFromEnvironment() => BaseUriFromVariable(EvotorClient.ServiceName, BaseUriVariable);
}
