using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace ApiTools.Testing;

/// <summary>
/// garnet-server (Microsoft's Redis-compatible server, pinned in dotnet-tools.json) on a free loopback port, run from
/// its DLL in the NuGet cache so that one PID is the server: scripts on and atomic (--lua --lua-transaction-mode),
/// nothing persisted. Stopped by its PID; it can also be frozen (SIGSTOP) and thawed, or killed and started again on
/// the same port, to play a store that is slow, lost and back.
/// </summary>
public sealed class GarnetServer : IAsyncDisposable
{
    private const int SigStop = 19, SigCont = 18;
    private readonly string? _password;
    private Process _process;

    private GarnetServer(Process process, int port, string? password)
    {
        _process = process;
        Port = port;
        _password = password;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string that reaches it.</summary>
    public string Configuration => $"127.0.0.1:{Port}" + (_password is null ? "" : ",password=" + _password);

    public static async Task<GarnetServer> StartAsync(string? password = null, int? port = null)
    {
        var chosen = port ?? FreePort();
        return new GarnetServer(await LaunchAsync(chosen, password), chosen, password);
    }

    /// <summary>Kills the server (a store lost mid-run).</summary>
    public async Task KillAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts it again on the same port, empty (a store that is back).</summary>
    public async Task RestartAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
        _process = await LaunchAsync(Port, _password);
    }

    /// <summary>Stops the process without closing its sockets: connections stay open and nothing answers.</summary>
    public void Freeze() => Signal(SigStop);

    public void Thaw() => Signal(SigCont);

    public async ValueTask DisposeAsync()
    {
        Signal(SigCont);
        Kill(_process);
        await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token).ContinueWith(_ => { });
        _process.Dispose();
    }

    /// <summary>Where dotnet tool restore put garnet-server's DLL, at the version dotnet-tools.json pins.</summary>
    public static string ServerDll() => ToolPaths.File("garnet-server", "tools/net10.0/any/GarnetServer.dll");

    private static async Task<Process> LaunchAsync(int port, string? password)
    {
        var info = new ProcessStartInfo(ToolPaths.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { ServerDll(), "--bind", "127.0.0.1", "--port", port.ToString(), "--lua", "--lua-transaction-mode", "-m", "64m", "-i", "16m", "-q" })
            info.ArgumentList.Add(a);
        if (password is not null)
        {
            info.ArgumentList.Add("--auth");
            info.ArgumentList.Add("Password");
            info.ArgumentList.Add("--password");
            info.ArgumentList.Add(password);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("garnet-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!await AnswersAsync(port, password))
            {
                if (process.HasExited) throw new InvalidOperationException($"garnet-server exited with {process.ExitCode} before it answered.");
                if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("garnet-server did not answer PING within 60 s.");
                await Task.Delay(100);
            }
            return process;
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>PING (after AUTH) as RESP arrays: Garnet refuses inline commands.</summary>
    private static async Task<bool> AnswersAsync(int port, string? password)
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(2));
            var stream = tcp.GetStream();
            var command = password is null ? "" : $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(command + "*1\r\n$4\r\nPING\r\n"));
            var buffer = new byte[256];
            var text = "";
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            while (!text.Contains("PONG") && !text.Contains("-ERR"))
            {
                var n = await stream.ReadAsync(buffer, timeout.Token);
                if (n == 0) break;
                text += Encoding.UTF8.GetString(buffer, 0, n);
            }
            return text.Contains("+PONG");
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Signal(int signal)
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited) _ = Kill(_process.Id, signal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

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

    /// <summary>A loopback port nothing listens on (just now).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
