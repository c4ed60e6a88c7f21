using System.IO;
using System.Net.Sockets;
using System.Text.Json;

namespace ApiTools.Http;

/// <summary>Decides whether a failed attempt may be tried again, and describes it for the final error.
/// "Should retry" lives here, apart from "how long" (<see cref="RetryDelay"/>).</summary>
internal static class TransientFailure
{
    public static bool IsRetryable(Exception ex, ApiRequest request) => ex switch
    {
        // The server refused before acting: safe for any method.
        ApiRateLimitedException => true,
        // A certificate that is not trusted stays untrusted: say so at once instead of asking again.
        _ when IsCertificateFailure(ex) => false,
        ApiException { Kind: ApiErrorKind.ServerError } => request.IsIdempotent,
        // A download past its whole-body time would take as long again; a silence or a slow first byte may pass.
        AttemptTimeoutException timeout => !timeout.WholeBody && request.IsIdempotent,
        // The user's own disk: a repeat of the request would meet the same full disk or refused name.
        LocalFileException => false,
        HttpRequestException http => IsConnectFailure(http) || request.IsIdempotent,
        // A body cut short in transit (readers refuse a malformed one as an ApiException, never retried, see
        // MalformedBody): the server may have acted, so only idempotent calls.
        IOException or JsonException or System.Xml.XmlException => request.IsIdempotent,
        _ => false,
    };

    /// <summary>The connection never opened, so the server cannot have acted on the request.</summary>
    public static bool IsConnectFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException s &&
                s.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain)
                return true;
        }
        return false;
    }

    /// <summary>The TLS handshake failed: the server's certificate was refused (validation is never turned off).</summary>
    public static bool IsCertificateFailure(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is System.Security.Authentication.AuthenticationException) return true;
        return false;
    }

    public static string Describe(Exception ex) => ex switch
    {
        _ when IsCertificateFailure(ex) => "the server's TLS certificate was refused (not trusted, expired, or for another host); certificate checks are never turned off",
        ApiException { ErrorCode: MalformedBody.Code } => "malformed response body",
        ApiException { StatusCode: int status } api => $"{status} {api.ErrorCode}".TrimEnd(),
        AttemptTimeoutException t => t.Message,
        HttpRequestException http when IsConnectFailure(http) => "connection refused or host unreachable",
        HttpRequestException => "connection failed",
        LocalFileException local => local.Message,
        IOException => "response cut short",
        JsonException or System.Xml.XmlException => "response body cut off",
        _ => ex.GetType().Name,
    };
}

/// <summary>One attempt ran past its time limit (told apart from the caller cancelling): no complete answer in time, a
/// body that fell silent for that long, or a download past its whole-body time (<see cref="WholeBody"/>).</summary>
internal sealed class AttemptTimeoutException : Exception
{
    public AttemptTimeoutException(TimeSpan limit, bool wholeBody = false)
        : base(wholeBody
            ? $"the download did not finish within its {Seconds(limit)} (the download timeout)"
            : $"no complete answer within {Seconds(limit)}")
    {
        WholeBody = wholeBody;
    }

    /// <summary>A download's whole body took longer than its own limit.</summary>
    public bool WholeBody { get; }

    private static string Seconds(TimeSpan limit) =>
        limit.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
