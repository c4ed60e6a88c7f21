using System.Globalization;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// How fast a key may go, as a connection asks for it: the server's own figures (Evotor), requests spaced a
/// fixed interval apart (PlanFix), or at most N in any span of a window (EnDocs). It says itself in words for
/// messages, and makes the limiter the registry keeps for the key.
/// </summary>
public sealed class Pace : IEquatable<Pace>
{
    private readonly Func<RateLimiter> _create;
    private readonly string _words;

    private Pace(string words, Func<RateLimiter> create)
    {
        _words = words;
        _create = create;
    }

    /// <summary>Follows the server's X-RateLimit-* answers (<see cref="ServerGuidedRateLimiter"/>).</summary>
    public static Pace ServerGuided { get; } = new("the server's X-RateLimit figures", () => new ServerGuidedRateLimiter());

    /// <summary>One request per 1/<paramref name="requestsPerSecond"/> seconds, each spaced from the one before: PlanFix counts
    /// the spacing of requests, not requests per window, so there is no burst.</summary>
    public static Pace PerSecond(double requestsPerSecond)
    {
        if (!(requestsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The pace must be positive.");
        var interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / requestsPerSecond)));
        return new(requestsPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + " request(s) a second", () => new SpacedRateLimiter(interval));
    }

    /// <summary>At most <paramref name="requestsPerMinute"/> in any 61 s: a second over the minute, so a request that
    /// reaches the server late does not land in the window of the one <paramref name="requestsPerMinute"/> starts later.</summary>
    public static Pace PerMinute(int requestsPerMinute)
    {
        if (requestsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "At least one request a minute.");
        return new(requestsPerMinute.ToString(CultureInfo.InvariantCulture) + " request(s) a minute",
            () => new SpacedRateLimiter(requestsPerMinute, TimeSpan.FromSeconds(61)));
    }

    internal RateLimiter CreateLimiter() => _create();

    public bool Equals(Pace? other) => other is not null && other._words == _words;

    public override bool Equals(object? obj) => obj is Pace other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_words);

    public override string ToString() => _words;
}
