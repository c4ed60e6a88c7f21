using System.Net.Http.Headers;
using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;

namespace ApiTools.Http;

/// <summary>Everything one service's transport needs: the connection (where, as whom, how persistently, how fast),
/// how the service reads failures, and how each attempt says who it is and what it accepts.</summary>
public sealed class TransportOptions
{
    public TransportOptions(ServiceConnection connection, IErrorMapper errors, Func<AuthenticationHeaderValue> authorization, string accept)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        Authorization = authorization ?? throw new ArgumentNullException(nameof(authorization));
        Accept = new MediaTypeWithQualityHeaderValue(accept);
    }

    public ServiceConnection Connection { get; }

    public string Service => Connection.Service;

    public Uri BaseUri => Connection.BaseUri;

    public RetryOptions Retry => Connection.Retry;

    public IErrorMapper Errors { get; }

    /// <summary>Made for each attempt, so a credential that changes (none does today) is read when it is sent.</summary>
    public Func<AuthenticationHeaderValue> Authorization { get; }

    public MediaTypeWithQualityHeaderValue Accept { get; }

    /// <summary>The process-wide limiter for the connection's key (<see cref="RateLimiterRegistry"/>) unless given.</summary>
    public RateLimiter? Limiter { get; init; }

    /// <summary>Sends the requests instead of the process-wide pooled handler: canned answers in tests, a proxy or a
    /// logging handler of a library user. The transport does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
