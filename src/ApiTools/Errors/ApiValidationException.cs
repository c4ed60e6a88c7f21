namespace ApiTools.Errors;

public sealed class ApiValidationException : ApiException
{
    public ApiValidationException(string service, string message, IReadOnlyList<ApiViolation> violations, Exception? inner = null)
        : base(service, ApiErrorKind.ValidationFailed, message, inner)
    {
        Violations = violations;
    }

    public IReadOnlyList<ApiViolation> Violations { get; }
}
