using System.Globalization;

namespace ApiTools.Emulator;

/// <summary>
/// The rate-limit headers a <see cref="FaultRule.RateHeaders"/> fault sends instead of the service's own, for clients
/// facing servers whose figures are wrong or absurd: a spent window with no reset, a limit of 0, a reset of an hour or
/// of 1e12. Each value goes out exactly as written; one left null is not sent (the service's own is removed too).
/// </summary>
public sealed record RateHeaders
{
    /// <summary><c>X-RateLimit-Limit</c>.</summary>
    public string? Limit { get; init; }

    /// <summary><c>X-RateLimit-Remaining</c>.</summary>
    public string? Remaining { get; init; }

    /// <summary><c>X-RateLimit-Reset</c> (seconds, as Evotor sends it, or whatever the rule says).</summary>
    public string? Reset { get; init; }

    /// <summary><c>Retry-After</c>.</summary>
    public string? RetryAfter { get; init; }

    /// <summary>0: the request is served as usual under these headers; else this status with the service's error body
    /// (429: a refusal).</summary>
    public int Status { get; init; }

    private static readonly string[] Names = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "Retry-After"];

    internal void Validate()
    {
        if (Status != 0 && (Status < 100 || Status > 599))
            throw new ArgumentException($"RateHeaders.Status must be 0 (serve as usual) or 100..599 (was {Status})");
    }

    /// <summary>Puts these headers in place of the ones the service set while admitting the request.</summary>
    internal void ApplyTo(IHeaderDictionary headers)
    {
        string?[] values = [Limit, Remaining, Reset, RetryAfter];
        for (var i = 0; i < Names.Length; i++)
        {
            headers.Remove(Names[i]);
            if (values[i] is { } value) headers[Names[i]] = value;
        }
    }

    public override string ToString() =>
        string.Join(", ", new[] { ("limit", Limit), ("remaining", Remaining), ("reset", Reset), ("retry-after", RetryAfter) }
            .Where(p => p.Item2 is not null).Select(p => p.Item1 + " " + p.Item2))
        + (Status == 0 ? "" : ", status " + Status.ToString(CultureInfo.InvariantCulture));
}
