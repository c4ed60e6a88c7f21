namespace ApiTools.Errors;

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

    /// <summary>A copy whose server-made texts (message, error code) went through <paramref name="scrub"/>, with
    /// <paramref name="inner"/> as its cause: what the transport throws when a server echoed a secret into them.</summary>
    internal virtual ApiException Redacted(Func<string, string> scrub, Exception? inner) =>
        CopyFactsTo(new ApiException(Service, Kind, scrub(Message), inner), scrub);

    /// <summary>Status, code, method and path onto <paramref name="copy"/> (the code scrubbed: servers choose it).</summary>
    private protected T CopyFactsTo<T>(T copy, Func<string, string> scrub) where T : ApiException
    {
        copy.StatusCode = StatusCode;
        copy.ErrorCode = ErrorCode is null ? null : scrub(ErrorCode);
        copy.Method = Method;
        copy.Path = Path;
        return copy;
    }

    /// <summary>True where no later call with the same connection can succeed either (bad
    /// credentials, bad configuration, quota spent, service unreachable after every retry).</summary>
    public virtual bool StopsEverything =>
        Kind is ApiErrorKind.Unauthorized or ApiErrorKind.Configuration
            or ApiErrorKind.QuotaExhausted or ApiErrorKind.Unavailable;
}
