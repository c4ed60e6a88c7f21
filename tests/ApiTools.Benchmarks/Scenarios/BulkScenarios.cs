using System.Collections;
using System.Diagnostics;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using ApiTools.Evotor.Bulk;
using ApiTools.Input;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P5: Import-EvotorBulk time against the emulator's own task time; issue 13's memory figure (1M rows vs 100k).</summary>
public static class BulkScenarios
{
    public static async Task P5Async(BenchOptions o, Report report)
    {
        var rows = o.Quick ? 6_000 : 100_000;
        var runs = o.Quick ? 2 : 3;
        const int throttle = 2; // Import-EvotorBulk's default -ThrottleLimit, as users run it
        var taskDuration = TimeSpan.FromMilliseconds(400);
        var csv = Path.Combine(Path.GetTempPath(), $"apitools-bench-{Environment.ProcessId}-p5.csv");
        var server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            EvotorStores = 1, EvotorProductsPerStore = rows, EvotorBulkTaskDuration = taskDuration,
        });
        try
        {
            var store = server.Evotor.Stores[0].Id;
            await ProductCsv.ExportAsync(ReadScenarios.Client(server.EvotorBaseUri), store, rows, csv, CancellationToken.None);
            using var session = HostedPowerShell.Connected(server.EvotorBaseUri);
            session.Run("$ProgressPreference = 'SilentlyContinue'"); // as in a runbook; progress is throttled to 4/s anyway
            var vars = new Hashtable { ["s"] = store, ["p"] = csv };
            var requests = new Dictionary<string, List<(int Puts, int Polls)>> { ["path"] = new(), ["pipeline"] = new() };

            Func<Task<double>> Variant(string name, string script) => () =>
            {
                server.Reset(); // products back to the seed, no tasks, counters at 0
                var sw = Stopwatch.StartNew();
                var results = session.Run(script, vars, TimeSpan.FromMinutes(15));
                var seconds = sw.Elapsed.TotalSeconds;
                var ok = results.Count(r => (string?)r.Properties["Status"]?.Value == BulkImportResult.Ok);
                if (results.Count != rows || ok != rows) throw new InvalidOperationException($"{name}: {results.Count} results, {ok} Ok, for {rows} rows.");
                requests[name].Add((server.Requests.Count(EvotorRouteKeys.PutProducts), server.Requests.Count(EvotorRouteKeys.Bulk)));
                return Task.FromResult(seconds);
            };

            var results = await Measure.InterleavedAsync(runs, warmup: false, o.Log,
                ("path", Variant("path", "Import-EvotorBulk -StoreId $s -Path $p")),
                ("pipeline", Variant("pipeline", "Import-Csv -Path $p | Import-EvotorBulk -StoreId $s")));
            var chunks = (rows + 999) / 1000;
            var reference = chunks * taskDuration.TotalSeconds / throttle;
            var (path, pipe) = (Measure.Median(results[0]), Measure.Median(results[1]));
            report.AddRatio("P5", $"Import-EvotorBulk -Path, {ReadScenarios.Size(rows)} rows ({Counts(requests["path"])})", path, reference, "s", 1.2, atMost: true);
            report.AddRatio("P5", $"Import-Csv | Import-EvotorBulk, {ReadScenarios.Size(rows)} rows ({Counts(requests["pipeline"])})", pipe, reference, "s", 1.2, atMost: true);
            report.Note("P5", $"{rows:N0} rows exported from the emulator's seeded store as Export-Csv writes them (ids included, so each chunk replaces products), " +
                              $"imported back into the same store, -ThrottleLimit {throttle} (the default), emulator bulk task duration {taskDuration.TotalMilliseconds:0} ms. " +
                              $"Reference = ⌈{rows:N0}/1000⌉ = {chunks} chunks × {taskDuration.TotalMilliseconds:0} ms / {throttle} = {reference:0.0} s. " +
                              $"Requests = PUT +bulk chunks + GET /bulks/{{id}} polls, per run. Every row came back Ok. Median of {runs}.");
        }
        finally
        {
            await server.DisposeAsync();
            File.Delete(csv);
        }
    }

    private static string Counts(List<(int Puts, int Polls)> runs) =>
        string.Join("; ", runs.Select(r => $"{r.Puts} PUT + {r.Polls} polls").Distinct());

    /// <summary>Issue 13's figure: peak managed memory importing 1M rows from a CSV file vs 100k (library-level, emulator in a child process).</summary>
    public static async Task P5MemoryAsync(BenchOptions o, Report report)
    {
        var (big, small) = o.Quick ? (100_000, 10_000) : (1_000_000, 100_000);
        var runs = o.Quick ? 1 : 2;
        var bigCsv = Path.Combine(Path.GetTempPath(), $"apitools-bench-{Environment.ProcessId}-big.csv");
        var smallCsv = Path.Combine(Path.GetTempPath(), $"apitools-bench-{Environment.ProcessId}-small.csv");
        try
        {
            // Bulk tasks finish at once: this row measures memory, not waiting.
            await using var emulator = await EmulatorProcess.StartAsync("--evotor-stores", "1", "--evotor-products-per-store", big.ToString(),
                "--evotor-bulk-duration-ms", "0");
            var client = ReadScenarios.Client(emulator.EvotorBaseUri);
            var store = await ReadScenarios.FirstStoreAsync(client);
            var sw = Stopwatch.StartNew();
            await ProductCsv.ExportAsync(client, store, big, bigCsv, CancellationToken.None);
            await ProductCsv.ExportAsync(client, store, small, smallCsv, CancellationToken.None);
            o.Log($"CSV files written in {sw.Elapsed.TotalSeconds:0.0} s ({new FileInfo(bigCsv).Length / 1048576.0:0} MB for {ReadScenarios.Size(big)} rows)");

            var time = new List<double>[] { new(), new() };
            async Task<double> Peak(string csv, long expected, int slot)
            {
                await emulator.ResetAsync();
                long ok = 0, total = 0;
                var clock = Stopwatch.StartNew();
                var bytes = await PeakMemory.OfAsync(async () =>
                {
                    using var import = new EvotorBulkImport(client, new BulkImportOptions(store));
                    foreach (var row in CsvRows.Read(csv))
                        Tally(await import.AddAsync(row), ref ok, ref total);
                    Tally(await import.CompleteAsync(), ref ok, ref total);
                });
                time[slot].Add(clock.Elapsed.TotalSeconds);
                if (total != expected || ok != expected) throw new InvalidOperationException($"{total} results, {ok} Ok, for {expected} rows.");
                return bytes / 1048576.0;
            }
            var results = await Measure.InterleavedAsync(runs, warmup: false, o.Log,
                ($"{ReadScenarios.Size(small)} rows peak MB", () => Peak(smallCsv, small, 0)),
                ($"{ReadScenarios.Size(big)} rows peak MB", () => Peak(bigCsv, big, 1)));
            var (s, b) = (Measure.Median(results[0]), Measure.Median(results[1]));
            report.AddRatio("P5", $"#13: peak managed memory importing {ReadScenarios.Size(big)} rows from a CSV vs {ReadScenarios.Size(small)}", b, s, "MB", 1.2, atMost: true);
            report.Note("P5 (#13)", $"EvotorBulkImport fed by CsvRows.Read (what `Import-EvotorBulk -Path` runs), results counted and dropped, ThrottleLimit 2, " +
                                    $"bulk tasks finishing at once, emulator in a child process (reset before each run). Peak measured as in P3. Median of {runs}; " +
                                    $"{ReadScenarios.Size(small)}: {Measure.Median(time[0]):0.0} s, {ReadScenarios.Size(big)}: {Measure.Median(time[1]):0.0} s.");
        }
        finally
        {
            File.Delete(bigCsv);
            File.Delete(smallCsv);
        }
    }

    private static void Tally(BulkStep step, ref long ok, ref long total)
    {
        foreach (var r in step.Results)
        {
            total++;
            if (r.Status == BulkImportResult.Ok) ok++;
        }
    }
}
