using System;
using ApiTools.Http;

namespace ApiTools.EnDocs;

/// <summary>Where and as whom to reach EnDocs. Shows its base URI and where it came from, never the
/// token: the token is held as a <see cref="Secret"/> that only the client library can read.</summary>
public sealed class EnDocsConnection
{
    public const string DefaultBaseUri = "https://api.endocs.cloud";
    public const string TokenVariable = "ENDOCS_TOKEN";
    public const string BaseUriVariable = "ENDOCS_BASE_URI";

    /// <summary>EnDocs' published limit: 300 requests a minute per key.</summary>
    public const int DefaultRequestsPerMinute = 300;

    private EnDocsConnection(Secret token, Uri baseUri, string source, RetryOptions retry, int requestsPerMinute)
    {
        Token = token;
        BaseUri = baseUri;
        Source = source;
        Retry = retry;
        RequestsPerMinute = requestsPerMinute;
    }

    public string Service => EnDocsClient.ServiceName;

    /// <summary>The API root, with the base path if the server needs one: <c>{BaseUri}/Output/GetClientInfo</c>.
    /// The public docs route <c>/{controller}/{action}</c>, older servers <c>/api/{controller}/{action}</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where the connection came from (Connect-EnDocs, the ENDOCS_TOKEN variable, code).</summary>
    public string Source { get; }

    public int MaxAttempts => Retry.MaxAttempts;

    public TimeSpan RetryBudget => Retry.Budget;

    /// <summary>The client-side rate for this key, shared by every runspace of the process.</summary>
    public int RequestsPerMinute { get; }

    internal RetryOptions Retry { get; }

    internal Secret Token { get; }

    public static EnDocsConnection Create(Secret token, Uri? baseUri = null, string source = "code", RetryOptions? retry = null,
        int requestsPerMinute = DefaultRequestsPerMinute)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        if (requestsPerMinute < 1 || requestsPerMinute > 6000)
            throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "RequestsPerMinute must be 1..6000.");
        var uri = BaseUriRules.Validate(EnDocsClient.ServiceName, baseUri ?? new Uri(DefaultBaseUri), source);
        retry ??= RetryOptions.Default;
        retry.Validate();
        return new EnDocsConnection(token, uri, source, retry, requestsPerMinute);
    }

    /// <summary>The connection that <c>ENDOCS_TOKEN</c> (and <c>ENDOCS_BASE_URI</c>) describe, or null when no token is set.</summary>
    public static EnDocsConnection? FromEnvironment(RetryOptions? retry = null)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token)) return null;
        return Create(Secret.FromString(token!), BaseUriFromEnvironment(), $"the {TokenVariable} environment variable", retry);
    }

    /// <summary>The base URI that <c>ENDOCS_BASE_URI</c> names, or null when it is not set; a malformed one is an error.</summary>
    public static Uri? BaseUriFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(BaseUriVariable);
        return string.IsNullOrEmpty(text) ? null : BaseUriRules.Parse(EnDocsClient.ServiceName, text!, $"the {BaseUriVariable} environment variable");
    }

    /// <summary>A copy with other retry settings (per-call overrides).</summary>
    public EnDocsConnection WithRetry(RetryOptions retry) => new(Token, BaseUri, Source, retry, RequestsPerMinute);

    public override string ToString() => $"EnDocs at {BaseUri} (from {Source})";
}
