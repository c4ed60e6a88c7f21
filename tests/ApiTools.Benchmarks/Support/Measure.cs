using System.Diagnostics;

namespace ApiTools.Benchmarks.Support;

/// <summary>Repetition and medians: every figure in the table is the median of several runs.</summary>
public static class Measure
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static async Task<double> SecondsAsync(Func<Task> body)
    {
        var sw = Stopwatch.StartNew();
        await body();
        return sw.Elapsed.TotalSeconds;
    }

    public static double Seconds(Action body)
    {
        var sw = Stopwatch.StartNew();
        body();
        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Runs each variant once unmeasured (JIT, connections), then <paramref name="runs"/> rounds with the
    /// variants interleaved (a, b, a, b…) so drift on the machine hits both alike. Returns each variant's runs.
    /// </summary>
    public static async Task<List<double>[]> InterleavedAsync(int runs, bool warmup, Action<string> log, params (string Name, Func<Task<double>> Run)[] variants)
    {
        var results = variants.Select(_ => new List<double>()).ToArray();
        if (warmup)
            foreach (var v in variants) await v.Run();
        for (var r = 0; r < runs; r++)
        {
            for (var i = 0; i < variants.Length; i++)
            {
                var value = await variants[i].Run();
                results[i].Add(value);
                log($"  run {r + 1}/{runs} {variants[i].Name}: {value:0.###}");
            }
        }
        return results;
    }

    /// <summary>Full, compacting collection so a figure starts from live objects only.</summary>
    public static void FullGc()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }
}
