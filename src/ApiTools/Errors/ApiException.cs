using System;
using System.Collections.Generic;

namespace ApiTools;

/// <summary>Base of every error the client library raises about a service. Messages name the
/// service, method and path (never a query string, header or body, where secrets travel).</summary>
public class ApiException : Exception
{
    public ApiException(string service, ApiErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Service = service;
        Kind = kind;
    }

    /// <summary>Evotor, PlanFix or EnDocs.</summary>
    public string Service { get; }

    public ApiErrorKind Kind { get; }

    /// <summary>HTTP status, where the server answered.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The service's own error code (Evotor <c>code</c>, PlanFix numeric code, EnDocs <c>#err-NN</c>).</summary>
    public string? ErrorCode { get; internal set; }

    public string? Method { get; internal set; }

    /// <summary>Request path without query string.</summary>
    public string? Path { get; internal set; }

    /// <summary>True where no later call with the same connection can succeed either (bad
    /// credentials, bad configuration, quota spent, service unreachable after every retry).</summary>
    public virtual bool StopsEverything =>
        Kind is ApiErrorKind.Unauthorized or ApiErrorKind.Configuration
            or ApiErrorKind.QuotaExhausted or ApiErrorKind.Unavailable;
}

/// <summary>One rule the server (or client-side validation) said a payload broke.</summary>
public sealed class ApiViolation
{
    public ApiViolation(string? subject, string reason)
    {
        Subject = subject;
        Reason = reason;
    }

    public string? Subject { get; }
    public string Reason { get; }

    public override string ToString() => Subject is null ? Reason : $"{Subject}: {Reason}";
}

public sealed class ApiValidationException : ApiException
{
    public ApiValidationException(string service, string message, IReadOnlyList<ApiViolation> violations, Exception? inner = null)
        : base(service, ApiErrorKind.ValidationFailed, message, inner)
    {
        Violations = violations;
    }

    public IReadOnlyList<ApiViolation> Violations { get; }
}

public sealed class ApiRateLimitedException : ApiException
{
    public ApiRateLimitedException(string service, string message, TimeSpan? retryAfter)
        : base(service, ApiErrorKind.RateLimited, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked us to wait (Retry-After, else X-RateLimit-Reset).</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>Raised once retries are spent: says what was tried, how often and for how long.</summary>
public sealed class ApiRetriesExhaustedException : ApiException
{
    public ApiRetriesExhaustedException(string service, string message, IReadOnlyList<string> attempts, Exception last)
        : base(service, ApiErrorKind.Unavailable, message, last)
    {
        Attempts = attempts;
    }

    /// <summary>One line per attempt: its outcome (status or network failure).</summary>
    public IReadOnlyList<string> Attempts { get; }
}
