using System.Globalization;
using System.Text;

namespace ApiTools.Tests.Support;

/// <summary>
/// One row of the reliability summary that <c>build.ps1 -Task Test</c> prints after the xunit run: what was
/// injected, how many items were expected, received and received twice, how many retries it took, and how
/// the run ended. Rows go to <c>out/test-results/fault-summary.tsv</c> (tab-separated, one line per case), so
/// the summary survives xunit's parallel classes and its swallowed console.
/// </summary>
public sealed record FaultCase(
    string Service,
    string Fault,
    string Scenario,
    long Expected,
    long Received,
    long Duplicated,
    long Retries,
    string Outcome);

public static class FaultReport
{
    private static readonly object Gate = new();

    /// <summary>The file rows are appended to; null when the test does not run inside the repository.</summary>
    public static string? FilePath { get; } = Locate();

    public static void Add(FaultCase row)
    {
        if (FilePath is null) return;
        static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        var line = string.Join('\t',
            Clean(row.Service), Clean(row.Fault), Clean(row.Scenario),
            row.Expected.ToString(CultureInfo.InvariantCulture), row.Received.ToString(CultureInfo.InvariantCulture),
            row.Duplicated.ToString(CultureInfo.InvariantCulture), row.Retries.ToString(CultureInfo.InvariantCulture),
            Clean(row.Outcome));
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.AppendAllText(FilePath, line + "\n", new UTF8Encoding(false));
        }
    }

    /// <summary>Items received more than once, counted once per extra copy.</summary>
    public static long Duplicates<T>(IEnumerable<T> received) where T : notnull
    {
        var seen = new HashSet<T>();
        long extra = 0;
        foreach (var id in received)
            if (!seen.Add(id)) extra++;
        return extra;
    }

    private static string? Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApiTools.sln")))
                return Path.Combine(dir.FullName, "out", "test-results", "fault-summary.tsv");
        }
        return null;
    }
}
