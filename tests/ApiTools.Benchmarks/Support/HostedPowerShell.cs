using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PS = System.Management.Automation.PowerShell;

namespace ApiTools.Benchmarks.Support;

/// <summary>A runspace of the full PowerShell 7.6.9 engine (Microsoft.PowerShell.SDK), optionally with out/ApiTools imported by path.</summary>
public sealed class HostedPowerShell : IDisposable
{
    public const string Token = "evotor-demo-token";

    private HostedPowerShell(Runspace runspace) => Runspace = runspace;

    public Runspace Runspace { get; }

    /// <summary>The importable module <c>dotnet build</c> assembled: out/ApiTools/ApiTools.psd1 under the repository root.</summary>
    public static string ModuleManifest => Paths.ModuleManifest;

    /// <summary>A fresh, open runspace with nothing imported.</summary>
    public static HostedPowerShell Open()
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        return new HostedPowerShell(runspace);
    }

    /// <summary>A fresh runspace with the module imported and connected to an emulator.</summary>
    public static HostedPowerShell Connected(Uri evotorBaseUri, string token = Token)
    {
        var session = Open();
        try
        {
            session.Run($"Import-Module '{ModuleManifest}' -ErrorAction Stop; Connect-Evotor -Token $t -BaseUri $u -SkipCheck",
                new Hashtable { ["t"] = token, ["u"] = evotorBaseUri }, TimeSpan.FromSeconds(60));
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs a script to its end within <paramref name="timeout"/> (stopped and reported otherwise); throws on a terminating error.</summary>
    public Collection<PSObject> Run(string script, IDictionary? variables = null, TimeSpan? timeout = null)
    {
        using var ps = Create(script, variables);
        return Invoke(ps, timeout ?? TimeSpan.FromMinutes(10));
    }

    public PS Create(string script, IDictionary? variables = null)
    {
        if (variables is not null)
            foreach (DictionaryEntry v in variables)
                Runspace.SessionStateProxy.SetVariable((string)v.Key, v.Value);
        var ps = PS.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        return ps;
    }

    public static Collection<PSObject> Invoke(PS ps, TimeSpan timeout)
    {
        var output = new PSDataCollection<PSObject>();
        var pending = ps.BeginInvoke<PSObject, PSObject>(null, output);
        if (!pending.AsyncWaitHandle.WaitOne(timeout))
        {
            ps.Stop();
            throw new TimeoutException($"The script did not finish within {timeout}.");
        }
        ps.EndInvoke(pending);
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException($"The script wrote {ps.Streams.Error.Count} error(s); the first: {ps.Streams.Error[0]}");
        return new Collection<PSObject>(output.ToList());
    }

    public void Dispose() => Runspace.Dispose();
}

public static class Paths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string ModuleManifest
    {
        get
        {
            var manifest = Path.Combine(RepoRoot, "out", "ApiTools", "ApiTools.psd1");
            return File.Exists(manifest) ? manifest : throw new FileNotFoundException("Build first: out/ApiTools is missing.", manifest);
        }
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ApiTools.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("No ApiTools.sln above " + AppContext.BaseDirectory);
    }
}
