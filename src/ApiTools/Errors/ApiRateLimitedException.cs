namespace ApiTools.Errors;

public sealed class ApiRateLimitedException : ApiException
{
    public ApiRateLimitedException(string service, string message, TimeSpan? retryAfter)
        : base(service, ApiErrorKind.RateLimited, message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked us to wait (Retry-After, else X-RateLimit-Reset).</summary>
    public TimeSpan? RetryAfter { get; }

    internal override ApiException Redacted(Func<string, string> scrub, Exception? inner) =>
        CopyFactsTo(new ApiRateLimitedException(Service, scrub(Message), RetryAfter), scrub);
}
