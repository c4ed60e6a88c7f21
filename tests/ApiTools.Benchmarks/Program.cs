using ApiTools.Benchmarks.Micro;
using ApiTools.Benchmarks.Scenarios;
using ApiTools.Benchmarks.Support;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Issue 7's performance table: each scenario against its reference, as ratios. Measures, never asserts:
// the exit code is 0 whatever the verdicts (1 only for bad arguments).
//   dotnet run -c Release --project tests/ApiTools.Benchmarks                 full mode (several minutes on 2 cores)
//   dotnet run -c Release --project tests/ApiTools.Benchmarks -- --quick      smaller sizes, about a minute
//   dotnet run -c Release --project tests/ApiTools.Benchmarks -- --micro      BenchmarkDotNet micro-benchmarks only
//   ... -- --only P1,P4                                                        a subset of rows

var quick = args.Contains("--quick");
if (args.Contains("--micro"))
{
    var config = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "ApiTools.Benchmarks.Artifacts"));
    BenchmarkRunner.Run<MicroBenchmarks>(config);
    return 0;
}
var onlyAt = Array.IndexOf(args, "--only");
var known = new[] { "--quick", "--only" };
if (args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a)) || (onlyAt >= 0 && onlyAt + 1 >= args.Length))
{
    Console.Error.WriteLine("usage: ApiTools.Benchmarks [--quick] [--only P1,P2,...] | --micro");
    return 1;
}
var options = new BenchOptions
{
    Quick = quick,
    Only = onlyAt >= 0 ? new HashSet<string>(args[onlyAt + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase),
};

var report = new Report();
var clock = System.Diagnostics.Stopwatch.StartNew();
Console.WriteLine($"ApiTools benchmarks, {(quick ? "quick" : "full")} mode, {Environment.ProcessorCount} cores, .NET {Environment.Version}, module {HostedPowerShellInfo()}");

// Order: P6 first, while the engine is at its coldest; then the read rows, the rate row and the imports.
var scenarios = new (string Id, string Name, Func<BenchOptions, Report, Task> Run, TimeSpan Limit)[]
{
    ("P6", "Import-Module vs an empty binary module", ImportModuleScenario.P6Async, TimeSpan.FromMinutes(5)),
    ("P1", "streaming throughput vs a raw HttpClient loop", ReadScenarios.P1Async, TimeSpan.FromMinutes(10)),
    ("P2", "prefetch overlap with a slow consumer", ReadScenarios.P2Async, TimeSpan.FromMinutes(5)),
    ("P3", "peak memory streaming", ReadScenarios.P3Async, TimeSpan.FromMinutes(15)),
    ("P4", "shared rate limit across runspaces", RateScenario.P4Async, TimeSpan.FromMinutes(5)),
    ("P5", "bulk import time", BulkScenarios.P5Async, TimeSpan.FromMinutes(20)),
    ("P5m", "bulk import memory (issue 13)", BulkScenarios.P5MemoryAsync, TimeSpan.FromMinutes(20)),
    ("P7", "PlanFix task listing at 1 request a second", PlanFixScenario.P7Async, TimeSpan.FromMinutes(5)),
    ("P8", "EnDocs list of 100k documents in one response", EnDocsScenario.P8Async, TimeSpan.FromMinutes(10)),
    ("P9", "3 pwsh processes on one Evotor token, with and without Redis", SharedBudgetScenario.P9Async, TimeSpan.FromMinutes(10)),
    ("P10", "3 pwsh processes on one PlanFix account, with and without Redis", SharedBudgetScenario.P10Async, TimeSpan.FromMinutes(10)),
};
var timedOut = false;
foreach (var (id, name, run, limit) in scenarios)
{
    if (!options.Runs(id)) continue;
    Console.WriteLine($"[{id}] {name}");
    var started = clock.Elapsed;
    try
    {
        await Task.Run(() => run(options, report)).WaitAsync(limit);
    }
    catch (TimeoutException)
    {
        timedOut = true;
        report.Add(new ResultRow(id, name, "-", "-", "-", "-", $"error: not finished within {limit.TotalMinutes:0} min"));
    }
    catch (Exception e)
    {
        Console.WriteLine($"  failed: {e}");
        report.Add(new ResultRow(id, name, "-", "-", "-", "-", "error: " + e.GetType().Name + ": " + e.Message.Split('\n')[0]));
    }
    Console.WriteLine($"  ({(clock.Elapsed - started).TotalSeconds:0} s)");
}

Console.WriteLine();
Console.WriteLine(report.ToText());
Console.WriteLine($"Total {clock.Elapsed.TotalSeconds:0} s.");
Console.WriteLine();
Console.WriteLine("Markdown:");
Console.WriteLine();
Console.WriteLine(report.ToMarkdown());
foreach (var note in report.Notes) Console.WriteLine("- " + note);
Console.Out.Flush();
// A scenario that timed out may still hold threads; the table is out, so leave now.
if (timedOut) Environment.Exit(0);
return 0;

static string HostedPowerShellInfo()
{
    try { return HostedPowerShell.ModuleManifest; }
    catch (FileNotFoundException e) { return "missing: " + e.FileName; }
}
