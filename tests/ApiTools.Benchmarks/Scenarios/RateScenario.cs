using System.Collections;
using System.Diagnostics;
using System.Globalization;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using PS = System.Management.Automation.PowerShell;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P4: four runspaces on one token against the emulator's limit of N requests per window.</summary>
public static class RateScenario
{
    public static async Task P4Async(BenchOptions o, Report report)
    {
        const int limit = 20, parallel = 4;
        var window = TimeSpan.FromSeconds(1);
        var duration = TimeSpan.FromSeconds(o.Quick ? 5 : 10);
        var runs = o.Quick ? 1 : 3;
        var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorStores = 1, EvotorProductsPerStore = 100_000, MaxPageSize = 10, EvotorRateLimit = limit, EvotorRateWindow = window,
        });
        var sessions = new List<HostedPowerShell>();
        try
        {
            var store = server.Evotor.Stores[0].Id;
            for (var i = 0; i < parallel; i++) sessions.Add(HostedPowerShell.Connected(server.EvotorBaseUri));
            var rates = new List<double>();
            var refused = new List<int>();
            for (var run = 0; run < runs; run++)
            {
                await Task.Delay(window + TimeSpan.FromMilliseconds(200));
                server.Reset(); // fresh rate windows and counters on the server; the client's shared limiter keeps what it learnt
                var (rate, tooMany) = RunOnce(server, sessions, store, duration);
                rates.Add(rate);
                refused.Add(tooMany);
                o.Log($"run {run + 1}/{runs}: {rate:0.00} req/s admitted, {tooMany} × 429");
            }
            var achieved = Measure.Median(rates);
            var max429 = refused.Max();
            var pct = achieved / limit;
            var pass = pct >= 0.95 && max429 == 0;
            report.Add(new ResultRow("P4", $"{parallel} runspaces, one token, emulator limit {limit}/{window.TotalSeconds:0} s, {duration.TotalSeconds:0} s",
                $"{achieved:0.00} req/s, {string.Join("/", refused)} × 429", $"{limit:0.00} req/s, 0 × 429",
                (pct * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %", "≥ 95 %, 0 × 429", pass ? "pass" : "short"));
            report.Note("P4", $"{parallel} PowerShell instances, each its own runspace with out/ApiTools imported and Connect-Evotor on the same token, run " +
                              $"`Get-EvotorProduct -StoreId $s -Verbose | Out-Null` over 100k products in pages of 10 (cheap requests) and are stopped after {duration.TotalSeconds:0} s. " +
                              $"Admitted = requests the emulator counted on the products route during the run minus the 429s; 429s = verbose lines `-> 429` " +
                              $"(the cmdlets' observer: one verbose line per HTTP response, every runspace). Median of {runs} run(s); 429s listed per run.");
        }
        finally
        {
            foreach (var s in sessions) s.Dispose();
            await server.DisposeAsync();
        }
    }

    private static (double Rate, int TooMany) RunOnce(EmulatorServer server, List<HostedPowerShell> sessions, string store, TimeSpan duration)
    {
        var shells = sessions.Select(s => s.Create("Get-EvotorProduct -StoreId $s -Verbose | Out-Null", new Hashtable { ["s"] = store })).ToList();
        try
        {
            var sw = Stopwatch.StartNew();
            var pending = shells.Select(ps => ps.BeginInvoke()).ToList();
            Thread.Sleep(duration);
            var arrived = server.Requests.Count(EvotorRouteKeys.Products);
            var elapsed = sw.Elapsed.TotalSeconds;
            foreach (var ps in shells) Stop(ps);
            foreach (var (ps, p) in shells.Zip(pending))
            {
                if (!p.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30))) throw new TimeoutException("A runspace did not stop.");
                try { ps.EndInvoke(p); } catch (System.Management.Automation.PipelineStoppedException) { }
            }
            var tooMany = shells.Sum(ps => ps.Streams.Verbose.Count(v => v.Message.Contains("-> 429", StringComparison.Ordinal)));
            return ((arrived - tooMany) / elapsed, tooMany);
        }
        finally
        {
            foreach (var ps in shells) ps.Dispose();
        }
    }

    private static void Stop(PS ps)
    {
        var stopping = ps.BeginStop(null, null);
        if (stopping.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30))) ps.EndStop(stopping);
    }
}
