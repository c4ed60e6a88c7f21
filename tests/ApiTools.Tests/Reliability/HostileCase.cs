using System.Diagnostics;
using ApiTools.Http;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Reliability;

/// <summary>
/// What the hostile-server cases of issue 19 share: their retry settings (short attempts, so a stall costs a second, and
/// a budget they must end within) and their row in the printed fault summary.
/// </summary>
internal static class HostileCase
{
    /// <summary>A 1 s attempt timeout and a 10 s budget: every call must end within 11 s, or at Ctrl+C within 1 s.</summary>
    public static readonly RetryOptions Retry = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        AttemptTimeout = TimeSpan.FromSeconds(1),
        MaxAttempts = 3,
        Budget = TimeSpan.FromSeconds(10),
    };

    /// <summary>The promise: the retry budget plus one attempt timeout.</summary>
    public static TimeSpan Bound => Retry.Budget + Retry.AttemptTimeout;

    /// <summary>Adds the case to the summary <c>build.ps1 -Task Test</c> prints (its outcome marked <c>hostile:</c>, which the
    /// summary counts apart).</summary>
    public static void Report(string service, string fault, string scenario, long expected, long received, long retries, string outcome) =>
        FaultReport.Add(new FaultCase(service, fault, scenario, expected, received, 0, retries,
            "hostile: " + (outcome.Length > 150 ? outcome[..150] + "…" : outcome)));

    /// <summary>Runs <paramref name="call"/> to its end or its error, timing it.</summary>
    public static async Task<(Exception? Error, TimeSpan Took)> TimeAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await call();
            return (null, clock.Elapsed);
        }
        catch (Exception e)
        {
            return (e, clock.Elapsed);
        }
    }

    /// <summary>"ended in 3.1 s (bound 11 s): …" for the summary.</summary>
    public static string Ended(TimeSpan took, Exception? error) =>
        $"ended in {took.TotalSeconds:0.0} s (bound {Bound.TotalSeconds:0} s): {(error is null ? "complete" : error.GetType().Name + ": " + error.Message)}";
}
