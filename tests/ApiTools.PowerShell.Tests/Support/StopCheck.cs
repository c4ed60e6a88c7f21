using System.Diagnostics;
using System.Management.Automation;
using ApiTools.Emulator;

namespace ApiTools.PowerShell.Tests.Support;

/// <summary>Ctrl+C as a test presses it: start the pipeline, wait until the emulator has the request in hand, stop.</summary>
public static class StopCheck
{
    /// <summary>
    /// Starts <paramref name="ps"/>, waits for the first request on <paramref name="route"/>, calls Stop() and asserts
    /// that it returned within <paramref name="limit"/> and that the pipeline ended stopped. Returns how long Stop took.
    /// </summary>
    public static async Task<TimeSpan> StopsWithinAsync(System.Management.Automation.PowerShell ps, EmulatorServer server, string route, TimeSpan limit)
    {
        var running = ps.BeginInvoke();
        await server.WaitForRequestAsync(route, 1, TimeSpan.FromSeconds(10));
        var clock = Stopwatch.StartNew();
        ps.Stop();
        clock.Stop();

        Assert.True(clock.Elapsed < limit, $"Stop took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        return clock.Elapsed;
    }
}
