namespace ApiTools.Emulator.PlanFix;

/// <summary>
/// The figure PlanFix's <c>X-RateLimit-Remaining</c> carries: the quota left as of its last refresh, brought up to date
/// at most once per refresh interval (PlanFix: about every 10 minutes), so clients that take it as exact are caught.
/// An interval of zero sends the count as it is.
/// </summary>
internal sealed class QuotaHeader(TimeSpan every, TimeProvider time)
{
    private readonly object _gate = new();
    private int? _figure;
    private long _refreshedAt;

    /// <summary>What an answer shows before it is counted: the last figure, or <paramref name="left"/> before any.</summary>
    public int Shown(int left)
    {
        if (every <= TimeSpan.Zero) return left;
        lock (_gate) return _figure ?? left;
    }

    /// <summary>What an answer shows after it was counted (<paramref name="left"/>), refreshing the figure when it is due.</summary>
    public int Refreshed(int left)
    {
        if (every <= TimeSpan.Zero) return left;
        lock (_gate)
        {
            if (_figure is null || time.GetElapsedTime(_refreshedAt) >= every)
            {
                _figure = left;
                _refreshedAt = time.GetTimestamp();
            }
            return _figure.Value;
        }
    }

    public void Reset()
    {
        lock (_gate) _figure = null;
    }
}
