using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Lets at most <c>permits</c> requests start within any span of <c>window</c>, whoever asks: for servers that
/// count request by request, "one a second" (PlanFix: permits 1) or "300 a minute" in windows of their own
/// (EnDocs). A token bucket would save tokens while idle and spend them just before a refill, sending twice the
/// rate within one of the server's windows, which such a server refuses. Callers go one at a time; each waits until
/// the request <c>permits</c> starts back began <c>window</c> ago. Times are those at which callers actually
/// started: reserved times would not survive a caller that wakes late on a busy machine.
/// </summary>
public sealed class SpacedRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _window;
    private readonly TimeSpan[] _starts; // the last `permits` start times, a ring; unused slots are "long ago"
    private int _oldest;
    private long _granted;
    private int _waiting; // callers in AcquireAsync: ahead of anyone who asks now

    /// <summary>One request per <paramref name="interval"/>, each spaced from the one before.</summary>
    public SpacedRateLimiter(TimeSpan interval)
        : this(1, interval)
    {
    }

    public SpacedRateLimiter(int permits, TimeSpan window)
    {
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        if (permits < 1) throw new ArgumentOutOfRangeException(nameof(permits), permits, "At least one request per window.");
        _window = window;
        _starts = new TimeSpan[permits];
        for (var i = 0; i < permits; i++) _starts[i] = TimeSpan.MinValue;
    }

    /// <summary>The earliest start of the next request.</summary>
    private TimeSpan Next => _starts[_oldest] == TimeSpan.MinValue ? TimeSpan.Zero : _starts[_oldest] + _window;

    public override TimeSpan? IdleDuration
    {
        get { lock (_gate) { var idle = _clock.Elapsed - Next; return idle > TimeSpan.Zero ? idle : null; } }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate) return new RateLimiterStatistics { CurrentAvailablePermits = _clock.Elapsed >= Next ? 1 : 0, TotalSuccessfulLeases = _granted };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var ahead = Volatile.Read(ref _waiting);
            if (now < Next || ahead > 0)
            {
                // The wait told is the caller's own: the next start, plus a turn for each caller already waiting (runspaces
                // on one key queue here), so a wait that grows behind others is announced as long as it will be.
                var own = now < Next ? Next - now : TimeSpan.Zero;
                return new Lease(false, own + TimeSpan.FromTicks(_window.Ticks / _starts.Length * ahead));
            }
            Reserve(now);
            return new Lease(true, null);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _waiting);
            throw;
        }
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock.Elapsed;
                    wait = Next - now;
                    if (wait <= TimeSpan.Zero)
                    {
                        Reserve(now);
                        return new Lease(true, null);
                    }
                }
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _turn.Release();
        }
    }

    /// <summary>How long until this limiter would let the next request start (zero: now).</summary>
    internal TimeSpan UntilNext
    {
        get { lock (_gate) { var wait = Next - _clock.Elapsed; return wait > TimeSpan.Zero ? wait : TimeSpan.Zero; } }
    }

    /// <summary>Notes a start granted elsewhere (the shared budget), so this limiter paces well if it has to serve alone.</summary>
    internal void Record()
    {
        lock (_gate) Reserve(_clock.Elapsed);
    }

    private void Reserve(TimeSpan start)
    {
        _starts[_oldest] = start;
        _oldest = (_oldest + 1) % _starts.Length;
        _granted++;
    }

    private sealed class Lease : RateLimitLease
    {
        private static readonly string[] RetryAfterName = { MetadataName.RetryAfter.Name };
        private readonly TimeSpan? _retryAfter;

        public Lease(bool acquired, TimeSpan? retryAfter)
        {
            IsAcquired = acquired;
            _retryAfter = retryAfter;
        }

        public override bool IsAcquired { get; }

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : RetryAfterName;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = _retryAfter;
            return _retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
