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
}
