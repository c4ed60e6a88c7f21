using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;

namespace ApiTools.PlanFix;

/// <summary>
/// Where file.download sent a file when it redirected to another host: a connection without any credential, so the
/// API key, token and session never leave for a host the user did not name. Retries, timeouts and errors follow the
/// PlanFix connection's settings; PlanFix's pace does not apply (the host is not the API).
/// </summary>
internal sealed class PlanFixDownloadHost : ServiceConnection
{
    private static readonly Secret NoCredential = Secret.FromString("planfix-download-host");

    private PlanFixDownloadHost(Uri root, RetryOptions retry) : base(PlanFixClient.ServiceName, root, "a PlanFix file.download redirect", retry) { }

    public override Pace Pace { get; } = Pace.PerSecond(1000);

    internal override Secret LimitCredential => NoCredential;

    internal override IEnumerable<Secret> Secrets => Array.Empty<Secret>();

    /// <summary>A transport for <paramref name="location"/>'s host that sends no Authorization header.</summary>
    public static ApiTransport TransportFor(Uri location, PlanFixConnection planFix, HttpMessageHandler? handler, IApiObserver observer)
    {
        var host = new PlanFixDownloadHost(new Uri(location.GetLeftPart(UriPartial.Authority) + "/"), planFix.Retry);
        var options = new TransportOptions(host, new Errors(), () => null!, "*/*")
        {
            Handler = handler,
            Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 8, QueueLimit = int.MaxValue }),
        };
        return new ApiTransport(options, observer);
    }

    /// <summary>A file host's failures by status: 404 missing, 403 refused, 429/5xx retried as the transport does.</summary>
    private sealed class Errors : IErrorMapper
    {
        public ApiException Map(ApiRequest request, HttpResponseMessage response, string body)
        {
            var status = (int)response.StatusCode;
            var what = $"The file host of a PlanFix download ({response.RequestMessage?.RequestUri?.Host}) answered HTTP {status}.";
            ApiException error = status switch
            {
                >= 300 and < 400 => new ApiException(PlanFixClient.ServiceName, ApiErrorKind.ProtocolError, what + " A second redirect is not followed."),
                404 or 410 => new ApiException(PlanFixClient.ServiceName, ApiErrorKind.NotFound, what + " The file is not there."),
                401 or 403 => new ApiException(PlanFixClient.ServiceName, ApiErrorKind.Forbidden, what + " The link did not grant access."),
                429 => new ApiRateLimitedException(PlanFixClient.ServiceName, what, RateLimitHeaders.From(response, DateTimeOffset.UtcNow).SuggestedWait),
                408 or >= 500 => new ApiException(PlanFixClient.ServiceName, ApiErrorKind.ServerError, what),
                _ => new ApiException(PlanFixClient.ServiceName, ApiErrorKind.ProtocolError, what),
            };
            error.StatusCode = status;
            error.Method = "GET";
            error.Path = request.ShownPath;
            return error;
        }
    }
}
