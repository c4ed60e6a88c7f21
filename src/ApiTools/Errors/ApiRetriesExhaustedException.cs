namespace ApiTools.Errors;

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

    internal override ApiException Redacted(Func<string, string> scrub, Exception? inner) =>
        CopyFactsTo(new ApiRetriesExhaustedException(Service, scrub(Message), Attempts.Select(scrub).ToArray(), inner!), scrub);
}
