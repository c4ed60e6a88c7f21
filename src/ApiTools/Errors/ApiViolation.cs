namespace ApiTools.Errors;

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
