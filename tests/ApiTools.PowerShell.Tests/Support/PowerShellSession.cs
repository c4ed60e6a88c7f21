using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ApiTools.PowerShell.Tests.Support;

/// <summary>A runspace of the full PowerShell 7.6.9 engine with out/ApiTools imported by path, as a user would.</summary>
public sealed class PowerShellSession : IDisposable
{
    private static readonly Lazy<string> ModuleFolder = new(FindModule);
    private readonly Runspace _runspace;

    public PowerShellSession()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        var import = Run($"Import-Module '{ModuleFolder.Value}' -ErrorAction Stop");
        if (import.Errors.Count > 0 || import.Failure is not null)
            throw new InvalidOperationException("Import-Module failed: " + (import.Failure?.Message ?? import.Errors[0].ToString()));
    }

    public static string ModulePath => ModuleFolder.Value;

    public PowerShellResult Run(string script, IDictionary? variables = null)
    {
        using var ps = Create(script, variables);
        return PowerShellResult.Collect(ps, () => ps.Invoke());
    }

    /// <summary>A pipeline not yet started, for tests that stop it or watch it from outside.</summary>
    public System.Management.Automation.PowerShell Create(string script, IDictionary? variables = null)
    {
        var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
            foreach (DictionaryEntry v in variables)
                _runspace.SessionStateProxy.SetVariable((string)v.Key, v.Value);
        ps.AddScript(script);
        return ps;
    }

    public void Dispose() => _runspace.Dispose();

    private static string FindModule()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApiTools.sln")))
            {
                var module = Path.Combine(dir.FullName, "out", "ApiTools", "ApiTools.psd1");
                return File.Exists(module) ? module : throw new FileNotFoundException("Build first: out/ApiTools is missing.", module);
            }
        }
        throw new DirectoryNotFoundException("No ApiTools.sln above " + AppContext.BaseDirectory);
    }
}

/// <summary>Everything one invocation produced, every stream, plus a terminating failure if any.</summary>
public sealed class PowerShellResult
{
    public List<PSObject> Output { get; } = new();
    public List<ErrorRecord> Errors { get; } = new();
    public List<WarningRecord> Warnings { get; } = new();
    public List<VerboseRecord> Verbose { get; } = new();
    public List<DebugRecord> Debug { get; } = new();
    public List<InformationRecord> Information { get; } = new();
    public Exception? Failure { get; private set; }

    public static PowerShellResult Collect(System.Management.Automation.PowerShell ps, Func<IEnumerable<PSObject>> invoke)
    {
        var result = new PowerShellResult();
        try
        {
            result.Output.AddRange(invoke());
        }
        catch (RuntimeException ex)
        {
            result.Failure = ex;
        }
        result.Errors.AddRange(ps.Streams.Error);
        result.Warnings.AddRange(ps.Streams.Warning);
        result.Verbose.AddRange(ps.Streams.Verbose);
        result.Debug.AddRange(ps.Streams.Debug);
        result.Information.AddRange(ps.Streams.Information);
        return result;
    }

    /// <summary>All the text a user could see or log from this run, for secret searches.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (var o in Output)
        {
            yield return o?.ToString() ?? "";
            if (o?.BaseObject is string) continue;
            foreach (var p in o?.Properties ?? Enumerable.Empty<PSPropertyInfo>())
            {
                string? text;
                try { text = p.Value?.ToString(); } catch (Exception e) { text = e.Message; }
                yield return text ?? "";
            }
        }
        foreach (var e in Errors) { yield return e.ToString(); yield return e.Exception.ToString(); yield return e.ErrorDetails?.ToString() ?? ""; yield return e.TargetObject?.ToString() ?? ""; }
        foreach (var w in Warnings) yield return w.Message;
        foreach (var v in Verbose) yield return v.Message;
        foreach (var d in Debug) yield return d.Message;
        foreach (var i in Information) yield return i.MessageData?.ToString() ?? "";
        if (Failure is not null) yield return Failure.ToString();
        if (Failure is IContainsErrorRecord record) yield return record.ErrorRecord.ToString();
    }
}
