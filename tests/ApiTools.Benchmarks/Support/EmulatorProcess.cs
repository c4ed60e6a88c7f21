using System.Diagnostics;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// The emulator in a child process (its built DLL, next to this program), for the memory rows: the
/// figure is read from this process's managed heap, which must then hold the client alone, not the
/// emulator's seed, its per-page garbage or the products an import stores. Stopped by its PID.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        EvotorBaseUri = new Uri(address, "evotor");
        EnDocsBaseUri = new Uri(address, "endocs");
    }

    public Uri Address { get; }
    public Uri EvotorBaseUri { get; }
    public Uri EnDocsBaseUri { get; }

    public static async Task<EmulatorProcess> StartAsync(params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ApiTools.Emulator.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("The emulator DLL is not next to the benchmarks.", dll);
        var info = new ProcessStartInfo(ApiTools.Testing.ToolPaths.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var a in arguments) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the emulator process.");
        try
        {
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [emulator] " + e.Data); };
            process.BeginErrorReadLine();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("The emulator process ended before it listened.");
                const string prefix = "ApiTools emulator listening on ";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    // Keep draining its stdout so it never blocks on a full pipe.
                    _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
                    return new EmulatorProcess(process, new Uri(line[prefix.Length..].Trim() + "/"));
                }
            }
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>POST /_emulator/reset: products, tasks and counters back to the seed.</summary>
    public async Task ResetAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsync(new Uri(Address, "_emulator/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ContinueWith(_ => { });
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
