namespace ApiTools.Tests.Contract;

/// <summary>The payloads others published (tests/contract/&lt;service&gt;/&lt;endpoint&gt;/…), as the replay tests take them:
/// every file of an endpoint's folder that parses (a published example that does not, .jsonish or .xmlish, is kept
/// for the record and skipped here).</summary>
public static class Corpus
{
    public static readonly string Root = Path.Combine(FindRepoRoot(), "tests", "contract");

    /// <summary>The parseable payloads of <paramref name="endpoint"/> (a folder name), optionally only responses.</summary>
    public static IReadOnlyList<string> Files(string service, string endpoint, bool responsesOnly = true)
    {
        var folder = Path.Combine(Root, service, endpoint);
        if (!Directory.Exists(folder)) return Array.Empty<string>();
        return Directory.GetFiles(folder)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            .Where(f => !responsesOnly || !Path.GetFileName(f).Contains(".request.", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every file of every endpoint folder of <paramref name="service"/>, parseable or not (.jsonish kept as
    /// published), as paths under tests/contract: what a replay of the whole corpus walks.</summary>
    public static IReadOnlyList<string> AllFiles(string service) =>
        Directory.GetFiles(Path.Combine(Root, service), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("PROVENANCE.md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Theory data: one row per payload file of the endpoints, named by its path under tests/contract.</summary>
    public static TheoryData<string> Cases(string service, params string[] endpoints)
    {
        var data = new TheoryData<string>();
        foreach (var endpoint in endpoints)
            foreach (var file in Files(service, endpoint))
                data.Add(Path.GetRelativePath(Root, file).Replace('\\', '/'));
        return data;
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ApiTools.sln"))) return dir.FullName;
        throw new InvalidOperationException("ApiTools.sln not found above the test's folder.");
    }
}
