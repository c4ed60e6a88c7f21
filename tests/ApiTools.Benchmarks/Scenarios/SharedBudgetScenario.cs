using System.Diagnostics;
using System.Globalization;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using ApiTools.Testing;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>
/// P9, P10 (issue 23): three separate pwsh processes on one key against the emulator, with the budget shared in
/// garnet-server (APITOOLS_REDIS) and, for contrast, without. Each process runs tests/Shared/RateWorker.ps1.
/// </summary>
public static class SharedBudgetScenario
{
    private const int Workers = 3;

    public static async Task P9Async(BenchOptions o, Report report)
    {
        // Below what three pwsh workers can send on 2 cores (about 11 a second together, the Redis round trip added to each
        // call), so the figure measures the shared limiter and not the workers: at 10 the workers themselves were the limit.
        const int limit = 6;
        var seconds = o.Quick ? 8 : 15;
        await using var garnet = await GarnetServer.StartAsync();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorStores = 1, EvotorRateLimit = limit, EvotorRateWindow = TimeSpan.FromSeconds(1),
        });
        foreach (var redis in new[] { garnet.Configuration, "" })
        {
            var run = await RunAsync(o, "Evotor", server.EvotorBaseUri.ToString(), seconds, redis, server, "GET /evotor/stores/{id}",
                window: TimeSpan.FromSeconds(1), settle: TimeSpan.FromSeconds(1.2));
            var rate = (run.Arrived - run.TooMany) / run.Seconds;
            var pct = rate / limit;
            var shared = redis.Length > 0;
            report.Add(new ResultRow("P9", $"Evotor: {Workers} pwsh processes, one token, limit {limit}/1 s, {seconds} s, {(shared ? "budget in Redis" : "no shared store")}",
                $"{rate:0.00} req/s, {run.TooMany} × 429", $"{limit:0.00} req/s, 0 × 429",
                (pct * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %", shared ? "≥ 95 %, 0 × 429" : "(contrast)",
                shared ? (pct >= 0.95 && run.TooMany == 0 ? "pass" : "short") : "-"));
        }
        report.Note("P9", $"{Workers} processes `pwsh -File tests/Shared/RateWorker.ps1` (each imports out/ApiTools, Connect-Evotor to the in-process emulator), " +
                          $"started together behind a barrier, then each calls `Invoke-EvotorRequest GET stores/<id> -Verbose` for {seconds} s. Admitted = requests " +
                          "the emulator counted on the route minus the 429s (verbose `-> 429` lines of every process), over the time the run's windows " +
                          "spanned (first window's start to the last one's end, windows rebuilt from the arrival times by the emulator's rule: one opens with " +
                          "the first request after the last ended), so neither end of the run counts a window it only began and the figure cannot pass 100 %. " +
                          "The first row sets APITOOLS_REDIS to a garnet-server 2.2.12 on loopback; the second leaves it unset. The limit is below what the " +
                          "three workers send unhindered (the contrast row's 429s show they exceed it), so the row measures the shared limiter.");
    }

    public static async Task P10Async(BenchOptions o, Report report)
    {
        var seconds = o.Quick ? 10 : 20;
        await using var garnet = await GarnetServer.StartAsync();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            PlanFixRatePerSecond = 1, PlanFixQuotaHeaderRefresh = TimeSpan.FromMinutes(10),
        });
        foreach (var redis in new[] { garnet.Configuration, "" })
        {
            var run = await RunAsync(o, "PlanFix", server.PlanFixBaseUri.ToString(), seconds, redis, server, PlanFixRouteKeys.TaskGetList,
                window: TimeSpan.FromSeconds(1));
            var rate = (run.Arrived - run.TooMany) / run.Seconds;
            var left = server.PlanFix.QuotaLeft;
            var quotasRight = run.Quotas.Count(q => q == left);
            var shared = redis.Length > 0;
            report.Add(new ResultRow("P10", $"PlanFix: {Workers} pwsh processes, one account, 1 req/s, {seconds} s, {(shared ? "budget in Redis" : "no shared store")}",
                $"{rate:0.00} req/s, {run.TooMany} × 429; quota seen {string.Join("/", run.Quotas)}",
                $"1.00 req/s, 0 × 429; server count {left}", (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %",
                shared ? "≥ 95 %, 0 × 429, quota = server's" : "(contrast)",
                shared ? (rate >= 0.95 && run.TooMany == 0 && quotasRight == Workers ? "pass" : "short") : "-"));
        }
        report.Note("P10", $"as P9, with Connect-PlanFix (1 request a second, the default) and `Invoke-PlanFixRequest task.getList -Parameters @{{ pageSize = 1 }} -Verbose` " +
                           $"for {seconds} s, the rate taken over the seconds the admitted requests spanned (first arrival to one second after the last); " +
                            "the emulator admits 1 request a second per account and key (429 + Retry-After otherwise) and refreshes " +
                           "X-RateLimit-Remaining every 10 minutes, as PlanFix does. Once every process is done, each says what `Get-PlanFixQuota` counts; " +
                           "the server's count is its quota left after the run.");
    }

    /// <param name="Arrived">Requests the emulator counted on the route.</param>
    /// <param name="Seconds">The time the run's windows spanned (see <see cref="Span"/>).</param>
    private sealed record Run(int Arrived, int TooMany, double Seconds, List<int> Quotas);

    /// <summary>
    /// The time from the first window's start to the last one's end, the windows rebuilt from the arrival times as the
    /// emulator opens them (with the first request after the last one ended). Requests admitted over it can be at most the
    /// limit a window, whatever the run's length; over the workers' own time the first and last windows counted whole.
    /// </summary>
    private static double Span(IReadOnlyList<TimeSpan> arrivals, TimeSpan window)
    {
        if (arrivals.Count == 0) return 0;
        var first = arrivals[0];
        var opened = first;
        foreach (var at in arrivals)
            if (at - opened >= window) opened = at;
        return (opened + window - first).TotalSeconds;
    }

    /// <param name="settle">How long to let the windows the workers learnt while connecting run out before the server
    /// forgets its own: a server that wipes a window its clients were told of is not what the row measures.</param>
    private static async Task<Run> RunAsync(BenchOptions o, string service, string baseUri, int seconds, string redis, EmulatorServer server,
        string routeKey, TimeSpan window, TimeSpan settle = default)
    {
        var clock = Stopwatch.StartNew();
        var arrivals = new List<TimeSpan>(); // counted from the go on: the handler is added after the reset
        void OnRequest(string key)
        {
            if (key != routeKey) return;
            lock (arrivals) arrivals.Add(clock.Elapsed);
        }
        var work = Directory.CreateTempSubdirectory("apitools-bench-workers-");
        try
        {
            var go = Path.Combine(work.FullName, "go");
            var processes = Enumerable.Range(0, Workers).Select(i => StartWorker(service, baseUri, seconds, redis, go, work.FullName, Path.Combine(work.FullName, $"out-{i}.txt"))).ToList();
            try
            {
                // All connected and waiting: the server's windows and counters start from nothing, then go.
                var ready = Stopwatch.StartNew();
                while (Directory.GetFiles(work.FullName, "go.ready.*").Length < Workers)
                {
                    if (ready.Elapsed > TimeSpan.FromMinutes(3) || processes.Any(p => p.HasExited)) throw new InvalidOperationException("A worker did not get ready.");
                    await Task.Delay(50);
                }
                await Task.Delay(settle);
                server.Reset();
                server.Requests.RequestStarted += OnRequest;
                await File.WriteAllTextAsync(go, "");
                foreach (var p in processes)
                    if (!p.WaitForExit(TimeSpan.FromMinutes(4))) throw new TimeoutException("A worker did not finish.");
            }
            finally
            {
                server.Requests.RequestStarted -= OnRequest;
                foreach (var p in processes)
                {
                    if (!p.HasExited) p.Kill(entireProcessTree: true);
                    p.Dispose();
                }
            }
            var lines = Enumerable.Range(0, Workers).SelectMany(i => File.ReadAllLines(Path.Combine(work.FullName, $"out-{i}.txt"))).ToList();
            var tooMany = lines.Count(l => l.Contains("-> 429", StringComparison.Ordinal));
            List<TimeSpan> arrived;
            lock (arrivals) arrived = arrivals.OrderBy(t => t).ToList();
            var span = Span(arrived, window);
            var quotas = lines.Where(l => l.StartsWith("quota: ", StringComparison.Ordinal)).Select(l => int.Parse(l[7..], CultureInfo.InvariantCulture)).ToList();
            foreach (var warning in lines.Where(l => l.Contains("shared rate budget", StringComparison.Ordinal)).Distinct()) o.Log("worker: " + warning);
            o.Log($"{service}, {(redis.Length > 0 ? "Redis" : "no store")}: {arrived.Count} requests, {tooMany} × 429 over {span:0.0} s of windows; quotas {string.Join("/", quotas)}");
            return new Run(arrived.Count, tooMany, span, quotas);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static Process StartWorker(string service, string baseUri, int seconds, string redis, string go, string done, string output)
    {
        var info = new ProcessStartInfo(ToolPaths.DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[]
                 {
                     ToolPaths.File("powershell", $"tools/net10.0/any/{(OperatingSystem.IsWindows() ? "win" : "unix")}/pwsh.dll"), "-NoProfile", "-NonInteractive", "-File",
                     Path.Combine(Paths.RepoRoot, "tests", "Shared", "RateWorker.ps1"), "-Module", Paths.ModuleManifest, "-Service", service,
                     "-Base", baseUri, "-Seconds", seconds.ToString(CultureInfo.InvariantCulture), "-Go", go, "-Done", done,
                     "-Workers", Workers.ToString(CultureInfo.InvariantCulture), "-Out", output,
                 })
            info.ArgumentList.Add(a);
        info.Environment["APITOOLS_REDIS"] = redis;
        var process = Process.Start(info) ?? throw new InvalidOperationException("pwsh did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
