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
        AttemptTimeoutException => request.IsIdempotent,
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
        IOException => "response cut short",
        JsonException or System.Xml.XmlException => "response body cut off",
        _ => ex.GetType().Name,
    };
}

/// <summary>One attempt ran past its time limit (told apart from the caller cancelling).</summary>
internal sealed class AttemptTimeoutException : Exception
{
    public AttemptTimeoutException(TimeSpan limit)
        : base($"no complete answer within {limit.TotalSeconds:0.#} s")
    {
    }
}
