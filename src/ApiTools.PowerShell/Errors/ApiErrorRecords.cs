namespace ApiTools.PowerShell.Errors;

/// <summary>The one place ErrorRecords are made: an ApiException, or one of the cmdlets' own <see cref="CmdletError"/>s,
/// with a stable id (<c>Evotor.NotFound</c>, <c>EnDocs.FileNotFound</c>), a real category and the target.</summary>
internal static class ApiErrorRecords
{
    public static ErrorRecord From(string service, CmdletError error, System.Exception exception, object? target) =>
        new(exception, $"{service}.{error}", Category(error), target);

    /// <summary>A failure of the kind a service's answer could have had, found before any request (a bad -BaseUri).</summary>
    public static ErrorRecord From(string service, ApiErrorKind kind, System.Exception exception, object? target) =>
        new(exception, $"{service}.{kind}", Category(kind), target);

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
        ApiErrorKind.TimedOut => ErrorCategory.OperationTimeout,
        _ => ErrorCategory.NotSpecified,
    };

    public static ErrorCategory Category(CmdletError error) => error switch
    {
        CmdletError.InvalidArgument or CmdletError.StoreIdRequired or CmdletError.EmptyPatch or CmdletError.InvalidBody
            or CmdletError.CheckpointUnusable => ErrorCategory.InvalidArgument,
        CmdletError.FileNotFound => ErrorCategory.ObjectNotFound,
        CmdletError.FileUnreadable => ErrorCategory.ReadError,
        CmdletError.FileExists => ErrorCategory.ResourceExists,
        CmdletError.UnsafeFileName => ErrorCategory.SecurityError,
        CmdletError.InvalidCsv or CmdletError.StateUnreadable or CmdletError.BulkItemFailed => ErrorCategory.InvalidData,
        CmdletError.FileUnwritable => ErrorCategory.WriteError,
        CmdletError.FileInUse => ErrorCategory.ResourceBusy,
        CmdletError.FileIsLink => ErrorCategory.SecurityError,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>The cmdlets' own error for a file of the user's that could not be used.</summary>
    public static CmdletError For(LocalFileException error) => error.Problem switch
    {
        LocalFileProblem.InUse => CmdletError.FileInUse,
        LocalFileProblem.IsLink => CmdletError.FileIsLink,
        _ => CmdletError.FileUnwritable,
    };
}
