namespace ApiTools.Benchmarks.Support;

/// <summary>
/// Peak managed heap while a body runs: a full compacting GC first, the baseline read right after, then a
/// background thread reads <see cref="GC.GetTotalMemory(bool)"/> (no forced collection, so garbage not yet
/// collected counts too) every 2 ms. The figure is the peak above the baseline: what the work added.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    private PeakMemory()
    {
        Measure.FullGc();
        Baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = Baseline;
        _thread = new Thread(Sample) { IsBackground = true, Name = "peak-memory sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public long Baseline { get; }

    /// <summary>Bytes above the baseline at the highest sample so far.</summary>
    public long PeakAboveBaseline => Math.Max(0, Interlocked.Read(ref _peak) - Baseline);

    public static PeakMemory Start() => new();

    public static async Task<long> OfAsync(Func<Task> body)
    {
        using var sampler = Start();
        await body();
        sampler.Stop();
        return sampler.PeakAboveBaseline;
    }

    public void Stop()
    {
        Take();
        _stop = true;
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        if (!_stop) Stop();
    }

    private void Sample()
    {
        while (!_stop)
        {
            Take();
            Thread.Sleep(2);
        }
    }

    private void Take()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
    }
}
