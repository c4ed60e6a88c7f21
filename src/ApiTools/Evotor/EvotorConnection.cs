using System;
using ApiTools.Http;

namespace ApiTools.Evotor;

/// <summary>Where and as whom to reach Evotor. Shows its base URI and where it came from, never the
/// token: the token is held as a <see cref="Secret"/> that only the client library can read.</summary>
public sealed class EvotorConnection
{
    public const string DefaultBaseUri = "https://api.evotor.ru";
    public const string TokenVariable = "EVOTOR_TOKEN";
    public const string BaseUriVariable = "EVOTOR_BASE_URI";

    private EvotorConnection(Secret token, Uri baseUri, string source, RetryOptions retry)
    {
        Token = token;
        BaseUri = baseUri;
        Source = source;
        Retry = retry;
    }

    public string Service => EvotorClient.ServiceName;

    /// <summary>The API root: <c>{BaseUri}/stores</c> lists stores.</summary>
    public Uri BaseUri { get; }

    /// <summary>Where the connection came from (Connect-Evotor, the EVOTOR_TOKEN variable, code).</summary>
    public string Source { get; }

    public int MaxAttempts => Retry.MaxAttempts;

    public TimeSpan RetryBudget => Retry.Budget;

    internal RetryOptions Retry { get; }

    internal Secret Token { get; }

    public static EvotorConnection Create(Secret token, Uri? baseUri = null, string source = "code", RetryOptions? retry = null)
    {
        if (token is null) throw new ArgumentNullException(nameof(token));
        var uri = BaseUriRules.Validate(EvotorClient.ServiceName, baseUri ?? new Uri(DefaultBaseUri), source);
        retry ??= RetryOptions.Default;
        retry.Validate();
        return new EvotorConnection(token, uri, source, retry);
    }

    /// <summary>The connection that <c>EVOTOR_TOKEN</c> (and <c>EVOTOR_BASE_URI</c>) describe, or null when no token is set.</summary>
    public static EvotorConnection? FromEnvironment(RetryOptions? retry = null)
    {
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(token)) return null;
        return Create(Secret.FromString(token!), BaseUriFromEnvironment(), $"the {TokenVariable} environment variable", retry);
    }

    /// <summary>The base URI that <c>EVOTOR_BASE_URI</c> names, or null when it is not set; a malformed one is an error.</summary>
    public static Uri? BaseUriFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(BaseUriVariable);
        return string.IsNullOrEmpty(text) ? null : BaseUriRules.Parse(EvotorClient.ServiceName, text!, $"the {BaseUriVariable} environment variable");
    }

    /// <summary>A copy with other retry settings (per-call overrides).</summary>
    public EvotorConnection WithRetry(RetryOptions retry) => new(Token, BaseUri, Source, retry);

    public override string ToString() => $"Evotor at {BaseUri} (from {Source})";
}
