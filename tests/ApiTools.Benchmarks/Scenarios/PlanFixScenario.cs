using System.Diagnostics;
using System.Globalization;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using ApiTools.Http;
using ApiTools.Paging;
using ApiTools.PlanFix;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P7: listing PlanFix tasks at PlanFix's 1 request a second, against ⌈tasks/100⌉ seconds.</summary>
public static class PlanFixScenario
{
    public static async Task P7Async(BenchOptions o, Report report)
    {
        var n = o.Quick ? 1_000 : 10_000;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions { PlanFixTasks = n, PlanFixRatePerSecond = 1 });
        try
        {
            var observer = new CallCounter();
            var connection = PlanFixConnection.WithToken("demo", Secret.FromString("planfix-demo-key"), Secret.FromString("planfix-demo-token"),
                server.PlanFixBaseUri, "bench", new PlanFixOptions { RequestsPerSecond = 1 });
            var client = new PlanFixClient(connection, observer);

            // Warm-up outside the clock (JIT, connection, XML): one task, one request. Then let its 1 s slot pass, so the
            // timed listing starts on a free slot as a fresh process would.
            await foreach (var _ in client.GetTasksAsync(null, new PageRange(0, 1))) { }
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            server.Requests.Reset();
            observer.Reset();

            long seen = 0;
            var sw = Stopwatch.StartNew();
            await foreach (var _ in client.GetTasksAsync()) seen++;
            var seconds = sw.Elapsed.TotalSeconds;
            if (seen != n) throw new InvalidOperationException($"GetTasksAsync listed {seen} tasks, expected {n}.");

            var pages = (n + PlanFixClient.MaxPageSize - 1) / PlanFixClient.MaxPageSize;
            double reference = pages; // ⌈n/100⌉ requests at 1 a second
            var served = server.Requests.Count(PlanFixRouteKeys.TaskGetList);
            var ratio = seconds / reference;
            var pass = ratio <= 1.05 && observer.TooMany == 0;
            report.Add(new ResultRow("P7", $"PlanFix: {n / 1000}k tasks at the 1 req/s limit (library, token mode)",
                $"{Report.Format(seconds, "s")}, {observer.TooMany} × 429", $"{pages} s (⌈{n / 1000}k/100⌉)",
                ratio.ToString("0.00", CultureInfo.InvariantCulture) + " ×", "≤ 1.05 ×, 0 × 429", pass ? "pass" : "short"));
            report.Note("P7", $"in-process emulator with {n:N0} tasks and its PlanFix limit at 1 request a second per account and key (a 429 with Retry-After " +
                              $"for a request less than 1 s - 20 ms after the last admitted one); `await foreach` over PlanFixClient.GetTasksAsync() in token mode, " +
                              $"PlanFixOptions.RequestsPerSecond = 1. One timed listing (the pacing, not the machine, sets its length), after a one-task warm-up and " +
                              $"a 1.2 s pause. {seen:N0} tasks in {seconds:0.00} s: {served} task.getList requests reached the emulator (expected {pages}), " +
                              $"{observer.Calls} responses seen by the client's observer, {observer.TooMany} of them 429; " +
                              $"{(served > 1 ? $"{(seconds) / (served - 1):0.000} s between requests on average" : "")}.");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Counts the HTTP responses a client reports, and the 429s among them.</summary>
    private sealed class CallCounter : IApiObserver
    {
        private int _calls, _tooMany;

        public int Calls => Volatile.Read(ref _calls);
        public int TooMany => Volatile.Read(ref _tooMany);

        public void Reset()
        {
            Volatile.Write(ref _calls, 0);
            Volatile.Write(ref _tooMany, 0);
        }

        public void OnCall(ApiCallInfo call)
        {
            Interlocked.Increment(ref _calls);
            if (call.Status == 429) Interlocked.Increment(ref _tooMany);
        }

        public void OnWait(TimeSpan delay, string reason) { }

        public void OnWarning(string message) { }
    }
}
