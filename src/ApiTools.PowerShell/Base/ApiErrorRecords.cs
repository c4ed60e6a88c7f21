using System.Management.Automation;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Base;

/// <summary>ApiException → ErrorRecord with a stable id (<c>Evotor.NotFound</c>), a real category and the target.</summary>
internal static class ApiErrorRecords
{
    public static ErrorRecord From(ApiException error, object? target)
    {
        var record = new ErrorRecord(error, $"{error.Service}.{error.Kind}", Category(error.Kind), target);
        if (error is ApiValidationException { Violations.Count: > 0 } invalid)
            record.ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = "Fix: " + string.Join("; ", invalid.Violations) };
        return record;
    }

    public static ErrorCategory Category(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.Unauthorized => ErrorCategory.AuthenticationError,
        ApiErrorKind.Forbidden => ErrorCategory.PermissionDenied,
        ApiErrorKind.NotFound => ErrorCategory.ObjectNotFound,
        ApiErrorKind.ValidationFailed => ErrorCategory.InvalidData,
        ApiErrorKind.PayloadTooLarge => ErrorCategory.LimitsExceeded,
        ApiErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        ApiErrorKind.QuotaExhausted => ErrorCategory.QuotaExceeded,
        ApiErrorKind.ServerError => ErrorCategory.InvalidResult,
        ApiErrorKind.ProtocolError => ErrorCategory.InvalidResult,
        ApiErrorKind.Unavailable => ErrorCategory.ConnectionError,
        ApiErrorKind.Configuration => ErrorCategory.InvalidArgument,
        _ => ErrorCategory.NotSpecified,
    };
}
