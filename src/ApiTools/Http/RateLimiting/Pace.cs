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
    private readonly string _words;

    private Pace(string words, RateKind kind, int permits, TimeSpan window)
    {
        _words = words;
        Kind = kind;
        Permits = permits;
        Window = window;
    }

    /// <summary>Follows the server's X-RateLimit-* answers (<see cref="ServerGuidedRateLimiter"/>).</summary>
    public static Pace ServerGuided { get; } = new("the server's X-RateLimit figures", RateKind.ServerGuided, 0, TimeSpan.Zero);

    /// <summary>One request per 1/<paramref name="requestsPerSecond"/> seconds, each spaced from the one before: PlanFix counts
    /// the spacing of requests, not requests per window, so there is no burst. The spacing carries a margin
    /// (<see cref="JitterMargin"/>): a server that measures on arrival sees requests sent exactly 1 s apart arrive 995–999 ms
    /// apart whenever one was held up on the way a little longer than the next.</summary>
    public static Pace PerSecond(double requestsPerSecond)
    {
        if (!(requestsPerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "The pace must be positive.");
        var interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / requestsPerSecond)));
        return new(requestsPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + " request(s) a second",
            RateKind.Spaced, 1, interval + JitterMargin(interval));
    }

    /// <summary>What is added to a spacing of <paramref name="interval"/>: 4 % of it, at most 40 ms (40 ms at 1 request a
    /// second, 0.96 requests a second; a fast pace a user chose keeps nearly all its speed). Arrival jitter on a quiet
    /// network is a few ms; a busy sender or a long route adds tens.</summary>
    public static TimeSpan JitterMargin(TimeSpan interval) =>
        TimeSpan.FromTicks(Math.Min(MaxJitterMargin.Ticks, interval.Ticks / 25));

    private static readonly TimeSpan MaxJitterMargin = TimeSpan.FromMilliseconds(40);

    /// <summary>At most <paramref name="requestsPerMinute"/> in any 61 s: a second over the minute, so a request that
    /// reaches the server late does not land in the window of the one <paramref name="requestsPerMinute"/> starts later.</summary>
    public static Pace PerMinute(int requestsPerMinute)
    {
        if (requestsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), requestsPerMinute, "At least one request a minute.");
        return new(requestsPerMinute.ToString(CultureInfo.InvariantCulture) + " request(s) a minute",
            RateKind.Spaced, requestsPerMinute, TimeSpan.FromSeconds(61));
    }

    internal RateKind Kind { get; }

    /// <summary>Spaced: requests that may start within any <see cref="Window"/>.</summary>
    internal int Permits { get; }

    /// <summary>Spaced: the span <see cref="Permits"/> starts are counted over (margin included).</summary>
    internal TimeSpan Window { get; }

    /// <summary>The limiter for one key in this process.</summary>
    internal RateLimiter CreateLimiter() =>
        Kind == RateKind.ServerGuided ? new ServerGuidedRateLimiter() : new SpacedRateLimiter(Permits, Window);

    public bool Equals(Pace? other) => other is not null && other._words == _words;

    public override bool Equals(object? obj) => obj is Pace other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_words);

    public override string ToString() => _words;
}

/// <summary>The two shapes of pace: the server's own figures, or N starts in any window.</summary>
internal enum RateKind
{
    ServerGuided,
    Spaced,
}
