namespace ApiTools.Errors;

public sealed class ApiValidationException : ApiException
{
    public ApiValidationException(string service, string message, IReadOnlyList<ApiViolation> violations, Exception? inner = null)
        : base(service, ApiErrorKind.ValidationFailed, message, inner)
    {
        Violations = violations;
    }

    public IReadOnlyList<ApiViolation> Violations { get; }

    internal override ApiException Redacted(Func<string, string> scrub, Exception? inner) =>
        CopyFactsTo(new ApiValidationException(Service, scrub(Message),
            Violations.Select(v => new ApiViolation(v.Subject is null ? null : scrub(v.Subject), scrub(v.Reason))).ToArray(), inner), scrub);
}
