using System.Text.RegularExpressions;

namespace ApiTools.Testing;

/// <summary>Files of the .NET tools dotnet-tools.json pins (pwsh, garnet-server), where `dotnet tool restore` put them.</summary>
public static class ToolPaths
{
    /// <summary><paramref name="relative"/> inside the restored package of <paramref name="tool"/> at the pinned version.</summary>
    public static string File(string tool, string relative)
    {
        var manifest = System.IO.File.ReadAllText(Path.Combine(RepoRoot(), "dotnet-tools.json"));
        var version = Regex.Match(manifest, "\"" + Regex.Escape(tool) + "\"\\s*:\\s*\\{\\s*\"version\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        if (version.Length == 0) throw new InvalidOperationException($"dotnet-tools.json pins no {tool}.");
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrEmpty(packages)) packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, tool.ToLowerInvariant(), version, relative);
        return System.IO.File.Exists(path) ? path : throw new FileNotFoundException($"{tool} {version} is not restored: run `dotnet tool restore`.", path);
    }

    /// <summary>The dotnet host that runs this process (shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels below it).</summary>
    public static string DotnetHost()
    {
        var runtime = new DirectoryInfo(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent;
        var host = root is null ? null : Path.Combine(root.FullName, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return host is not null && System.IO.File.Exists(host) ? host : "dotnet";
    }

    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "dotnet-tools.json"))) return dir.FullName;
        throw new DirectoryNotFoundException("No dotnet-tools.json above " + AppContext.BaseDirectory);
    }
}
