namespace ApiTools.Errors;

/// <summary>What went wrong, as a caller decides on it. The names double as the stable part of
/// PowerShell error ids (<c>Evotor.NotFound</c>, <c>PlanFix.QuotaExhausted</c>).</summary>
public enum ApiErrorKind
{
    Unauthorized,
    Forbidden,
    NotFound,
    ValidationFailed,
    PayloadTooLarge,
    RateLimited,
    QuotaExhausted,
    ServerError,
    ProtocolError,
    Unavailable,
    Configuration,

    /// <summary>A download did not finish within its whole-body time (<see cref="Http.RetryOptions.DownloadTimeout"/>):
    /// not retried, since a repeat would take as long; it concerns its own item only.</summary>
    TimedOut,
}
