using System;
using System.Net.Http;
using System.Threading.RateLimiting;

namespace ApiTools.Http;

/// <summary>Everything one service's transport needs: where, as whom, how fast, how persistently.</summary>
public sealed class TransportOptions
{
    public TransportOptions(string service, Uri baseUri, Secret credential, RateLimiter limiter, IErrorMapper errors)
    {
        Service = service;
        BaseUri = baseUri;
        Credential = credential;
        Limiter = limiter;
        Errors = errors;
    }

    public string Service { get; }
    public Uri BaseUri { get; }
    public Secret Credential { get; }
    public RateLimiter Limiter { get; }
    public IErrorMapper Errors { get; }
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>Adds auth and content-negotiation headers to each attempt's message.</summary>
    public Action<HttpRequestMessage, ApiRequest>? Prepare { get; init; }
}
