using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.Tests.Support;
using ApiTools.Errors;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// The fault kinds of issue 8 as named cases, and the one check every paging case ends with: every item exactly
/// once, or a terminating error with the items before it each once (never a quiet short result). Rules that fire
/// with a probability draw from the emulator's seeded generator (<see cref="Seed"/>), so a failing case replays.
/// </summary>
internal static class FaultMatrix
{
    public const int Seed = 20261206;

    /// <summary>Effectively "every time it is drawn".</summary>
    private const int Always = 1_000_000;

    /// <summary>Fast backoff, but the real attempt limit; a 1 s attempt timeout so a slow answer costs a second, not 100.</summary>
    public static readonly RetryOptions Retry = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(1),
    };

    /// <summary>The same with a 15 s attempt timeout, for cases that inject no slow answer: a loaded test machine
    /// must not turn an ordinary page into a timeout.</summary>
    public static readonly RetryOptions PatientRetry = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(15),
    };

    /// <summary>The retry options for a case: the short timeout only where the case is about slow answers.</summary>
    public static RetryOptions RetryFor(string kind) => kind.Contains("slower", StringComparison.Ordinal) ? Retry : PatientRetry;

    /// <summary>
    /// Rules for a listing that takes many requests (Evotor and PlanFix pages): intermittent faults drawn per request,
    /// and bursts of 429 at a fixed request.
    /// </summary>
    public static FaultRule[] Intermittent(string kind, string route) => kind switch
    {
        "429 burst, Retry-After 1 s" => [new FaultRule { Route = route, Status = 429, RetryAfterSeconds = 1, Skip = 7, Times = 2 }],
        "429 burst, no Retry-After" => [new FaultRule { Route = route, Status = 429, Skip = 7, Times = 4 }],
        "500" or "502" or "503" or "504" => [Drawn(route, 0.1) with { Status = int.Parse(kind) }],
        "reset before the answer" => [Drawn(route, 0.1) with { DropConnection = true }],
        "reset mid-body" => [Drawn(route, 0.1) with { TruncateBody = true }],
        "truncated body" => [Drawn(route, 0.1) with { ShortBody = true }],
        "answer slower than the timeout" => [Drawn(route, 0.06) with { DelayMs = 30_000 }],
        "repeated cursor" => [Drawn(route, 0.15) with { RepeatCursor = true }],
        // At three fixed requests: a fresh sid that expired at once as well would be a broken server, not an early expiry.
        "sid expires early" =>
        [
            new FaultRule { Route = route, ExpireSid = true, Skip = 4 },
            new FaultRule { Route = route, ExpireSid = true, Skip = 16 },
            new FaultRule { Route = route, ExpireSid = true, Skip = 29 },
        ],
        "error 0011 (busy)" => [Drawn(route, 0.1) with { PlanFixError = "0011" }],
        "mixed" =>
        [
            Drawn(route, 0.03) with { Status = 503 },
            Drawn(route, 0.03) with { DropConnection = true },
            Drawn(route, 0.03) with { TruncateBody = true },
            Drawn(route, 0.03) with { ShortBody = true },
            Drawn(route, 0.03) with { Status = 429 },
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such fault kind"),
    };

    /// <summary>Rules for a listing that is one long answer (EnDocs): the first answers go wrong, in order.</summary>
    public static FaultRule[] Sequential(string kind, string route) => kind switch
    {
        "429 burst, Retry-After 1 s" => [new FaultRule { Route = route, Status = 429, RetryAfterSeconds = 1, Times = 2 }],
        "429 burst, no Retry-After" => [new FaultRule { Route = route, Status = 429, Times = 3 }],
        "500" or "502" or "503" or "504" => [new FaultRule { Route = route, Status = int.Parse(kind), Times = 2 }],
        "reset before the answer" => [new FaultRule { Route = route, DropConnection = true, Times = 2 }],
        "reset mid-body" => [new FaultRule { Route = route, TruncateBody = true, Times = 3 }],
        "truncated body" => [new FaultRule { Route = route, ShortBody = true, Times = 3 }],
        "answer slower than the timeout" => [new FaultRule { Route = route, DelayMs = 30_000 }],
        "mixed" =>
        [
            new FaultRule { Route = route, Status = 503 },
            new FaultRule { Route = route, DropConnection = true },
            new FaultRule { Route = route, TruncateBody = true },
            new FaultRule { Route = route, ShortBody = true },
            new FaultRule { Route = route, Status = 429 },
            new FaultRule { Route = route, TruncateBody = true },
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such fault kind"),
    };

    private static FaultRule Drawn(string route, double probability) => new() { Route = route, Probability = probability, Times = Always };

    /// <summary>Retries the client made: transport retries, pages asked for again, lists resumed.</summary>
    public static long Retries(RecordingObserver observer) =>
        observer.Waits.Count(w => w.Reason.StartsWith("retrying", StringComparison.Ordinal))
        + observer.Warnings.Count(w => w.Contains("asking", StringComparison.Ordinal));

    /// <summary>Queues <paramref name="rules"/>; returns a function telling how many requests they have hit so far.</summary>
    public static Func<long> Inject(EmulatorServer server, IReadOnlyList<FaultRule> rules)
    {
        foreach (var rule in rules) server.Faults.Enqueue(rule);
        long queued = rules.Sum(r => (long)r.Times);
        return () => queued - server.Faults.Pending().Sum(r => (long)r.Times);
    }

    /// <summary>
    /// Reads <paramref name="listing"/> to its end or its error and checks the outcome: every expected id exactly
    /// once (in order) when it ends; when it fails, a clear error and the ids before it each once and all expected.
    /// The injected faults must have hit at least one request, or the case tested nothing. Adds the case to the
    /// printed summary either way; its retries are the requests made beyond a fault-free run's
    /// (<paramref name="cleanRequests"/>), or, for a listing that ended in an error, the retries the client made.
    /// </summary>
    public static async Task<(List<T> Received, Exception? Error)> ReadAsync<T>(
        string service, string fault, string scenario, IReadOnlyList<T> expected, IAsyncEnumerable<T> listing,
        RecordingObserver observer, bool mustComplete, Func<long> injected, Func<long> requests, long cleanRequests) where T : notnull
    {
        var received = new List<T>(expected.Count);
        Exception? error = null;
        try
        {
            await foreach (var id in listing) received.Add(id);
        }
        catch (ApiException e)
        {
            error = e;
        }
        var duplicated = FaultReport.Duplicates(received);
        var outcome = error is null
            ? (received.Count == expected.Count && duplicated == 0 ? "exactly once" : "WRONG: short or repeated without an error")
            : "terminating error: " + error.Message;
        var retries = error is null ? requests() - cleanRequests : Retries(observer);
        var hits = injected();
        FaultReport.Add(new FaultCase(service, fault, scenario, expected.Count, received.Count, duplicated, retries,
            $"{(outcome.Length > 150 ? outcome[..150] + "…" : outcome)} ({hits} request(s) faulted)"));

        var replay = $"(fault seed {Seed}; {service}, {fault})";
        Assert.True(hits > 0, $"no request was faulted: the case tested nothing {replay}");
        Assert.True(duplicated == 0, $"{duplicated} items came twice {replay}");
        if (mustComplete)
        {
            Assert.True(error is null, $"the listing failed {replay}: {error}");
            Assert.True(expected.SequenceEqual(received), $"received {received.Count} of {expected.Count} items, or out of order {replay}");
        }
        else
        {
            Assert.True(error is not null, $"the listing should have ended with an error {replay}");
            Assert.True(received.Count < expected.Count, $"an error after every item {replay}");
            Assert.True(expected.Take(received.Count).SequenceEqual(received), $"the items before the error are not the first ones {replay}");
        }
        return (received, error);
    }
}
