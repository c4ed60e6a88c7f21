using System.Reflection;
using System.Reflection.Emit;
using ApiTools.Benchmarks.Support;

namespace ApiTools.Benchmarks.Scenarios;

/// <summary>P6: Import-Module out/ApiTools in a fresh runspace vs importing an empty binary module.</summary>
public static class ImportModuleScenario
{
    public static Task P6Async(BenchOptions o, Report report)
    {
        var runs = o.Quick ? 5 : 9;
        var folder = Path.Combine(Path.GetTempPath(), $"apitools-bench-{Environment.ProcessId}-EmptyBinaryModule");
        try
        {
            var empty = WriteEmptyModule(folder);
            var module = HostedPowerShell.ModuleManifest;
            double Import(string manifest)
            {
                using var session = HostedPowerShell.Open(); // fresh runspace; opening it is not timed
                var seconds = Measure.Seconds(() => session.Run($"Import-Module '{manifest}' -ErrorAction Stop", timeout: TimeSpan.FromMinutes(2)));
                return seconds * 1000;
            }

            // The first import of each in this process also loads and JITs its assemblies: shown apart, not in the median.
            // An empty script module goes first so neither binary module pays for JIT-compiling Import-Module itself.
            var script = Path.Combine(folder, "Warmup.psm1");
            File.WriteAllText(script, "# nothing\n");
            Import(script);
            var firstEmpty = Import(empty);
            var firstOurs = Import(module);
            var results = Measure.InterleavedAsync(runs, warmup: false, o.Log,
                ("empty module ms", () => Task.FromResult(Import(empty))),
                ("out/ApiTools ms", () => Task.FromResult(Import(module)))).GetAwaiter().GetResult();
            var (e, ours) = (Measure.Median(results[0]), Measure.Median(results[1]));
            report.AddRatio("P6", "Import-Module out/ApiTools, fresh runspace (warm process)", ours, e, "ms", 2, atMost: true);
            report.Note("P6", $"each run opens a fresh runspace (InitialSessionState.CreateDefault2, not timed) and times `Import-Module <manifest>`; median of {runs}. " +
                              $"The empty module is a manifest plus a DLL with one empty public type, written with PersistedAssemblyBuilder. " +
                              $"First import of each in this process, after an empty script module warmed Import-Module (its own assemblies loaded and JIT-compiled; P6 runs before the library rows): " +
                              $"empty {firstEmpty:0} ms, out/ApiTools {firstOurs:0} ms.");
            return Task.CompletedTask;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>A binary module with nothing in it: EmptyBinaryModule.psd1 + EmptyBinaryModule.dll.</summary>
    private static string WriteEmptyModule(string folder)
    {
        Directory.CreateDirectory(folder);
        var name = new AssemblyName("EmptyBinaryModule") { Version = new Version(1, 0, 0, 0) };
        var assembly = new PersistedAssemblyBuilder(name, typeof(object).Assembly);
        var type = assembly.DefineDynamicModule("EmptyBinaryModule.dll").DefineType("EmptyBinaryModule.Nothing", TypeAttributes.Public | TypeAttributes.Class);
        type.CreateType();
        assembly.Save(Path.Combine(folder, "EmptyBinaryModule.dll"));
        var manifest = Path.Combine(folder, "EmptyBinaryModule.psd1");
        File.WriteAllText(manifest, """
            @{
                RootModule        = 'EmptyBinaryModule.dll'
                ModuleVersion     = '1.0.0'
                GUID              = '0b0a6c3e-5f55-4a57-9a55-6f3e2b1e7a11'
                CmdletsToExport   = @()
                FunctionsToExport = @()
                VariablesToExport = @()
                AliasesToExport   = @()
            }
            """);
        return manifest;
    }
}
