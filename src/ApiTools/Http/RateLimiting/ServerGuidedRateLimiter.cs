using System.Diagnostics;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Follows the server's own accounting (X-RateLimit-Limit/Remaining/Reset) instead of guessing a
/// rate: it hands out at most <c>Remaining</c> permits until the window resets, counting requests
/// still in flight as spent, so callers sharing a key never provoke a 429. Before the first answer
/// (or once a window has passed with no new figures) it lets one request through at a time to learn
/// the figures; a server that sends no limits at all is not throttled.
/// Two things make the server's figures slippery, and both are handled conservatively:
/// answers arrive out of order (so within a window Remaining only ever goes down), and Reset comes
/// in whole seconds rounded up (so the server's window may turn over up to a second before ours:
/// requests granted in that last second may count in the next window, and are charged to it).
/// </summary>
public sealed class ServerGuidedRateLimiter : RateLimiter, IRateLimitFeedback
{
    // Our clock is not the server's: a little slack after the reset keeps the first request of the
    // next window from landing in the old one.
    private static readonly TimeSpan ResetSlack = TimeSpan.FromMilliseconds(50);

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _grantTimes = new(); // grants of the current window, oldest first
    private TaskCompletionSource<bool> _changed = NewSignal();
    private bool _serverSendsLimits;
    private bool _sawAnswer;
    private int? _limit;
    private int? _remaining;
    private TimeSpan? _resetAt;
    private TimeSpan _resetUncertainty;
    private long _window;
    private int _outstanding;
    private long _granted;
    private TimeSpan _idleSince = TimeSpan.Zero;

    public override TimeSpan? IdleDuration
    {
        get { lock (_gate) return _outstanding == 0 ? _clock.Elapsed - _idleSince : null; }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _remaining is int r ? Math.Max(0, r - _outstanding) : 1,
                TotalSuccessfulLeases = _granted,
            };
        }
    }

    /// <summary>Learns from one answer; <paramref name="lease"/> (the permit its request used) tells
    /// which of our windows the request was sent in.</summary>
    public void Observe(RateLimitHeaders headers, RateLimitLease? lease)
    {
        lock (_gate)
        {
            _sawAnswer = true;
            if (headers.Any)
            {
                _serverSendsLimits = true;
                if (headers.Limit is int limit) _limit = limit;
                var sentInThisWindow = lease is not Lease l || l.Window == _window;
                var wait = headers.SuggestedWait;
                var refused = headers.RetryAfter is not null || headers.Remaining == 0;
                if (sentInThisWindow || refused)
                {
                    // Out-of-order answers: the lowest Remaining and the latest reset of a window win.
                    if (headers.Remaining is int remaining)
                        _remaining = _remaining is int known && sentInThisWindow ? Math.Min(known, remaining) : remaining;
                    if (wait is TimeSpan w)
                    {
                        var resetAt = _clock.Elapsed + w + ResetSlack;
                        _resetAt = _resetAt is TimeSpan current && current > resetAt ? current : resetAt;
                        _resetUncertainty = w.Ticks % TimeSpan.TicksPerSecond == 0 && w > TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;
                    }
                }
            }
            Pulse();
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var wait = TryGrant(permitCount);
            return wait is null ? new Lease(this, permitCount, _window) : Lease.Refused(wait.Value);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            TimeSpan? wait;
            lock (_gate)
            {
                wait = TryGrant(permitCount);
                if (wait is null) return new Lease(this, permitCount, _window);
                changed = _changed.Task;
            }
            // Wake on the reset time or when an answer/release changes the picture, whichever is first.
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait.Value == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : wait.Value, delayCts.Token);
            var done = await Task.WhenAny(delay, changed).ConfigureAwait(false);
            delayCts.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            _ = done;
        }
    }

    /// <summary>Grants and returns null, or returns how long to wait (infinite: until something changes).</summary>
    private TimeSpan? TryGrant(int permits)
    {
        var now = _clock.Elapsed;
        if (_resetAt is TimeSpan resetAt && now >= resetAt) StartNextWindow(resetAt);

        bool grant;
        if (!_sawAnswer || (_serverSendsLimits && _remaining is null))
            grant = _outstanding == 0;
        else if (!_serverSendsLimits)
            grant = true;
        else
            grant = _remaining!.Value - _outstanding >= permits;

        if (grant)
        {
            _outstanding += permits;
            _granted++;
            if (_serverSendsLimits) _grantTimes.Enqueue(now);
            return null;
        }
        // Until the reset, or until an answer or a release changes the picture (the caller also wakes on those).
        if (_resetAt is TimeSpan at) return at - now;
        return Timeout.InfiniteTimeSpan;
    }

    private void StartNextWindow(TimeSpan resetAt)
    {
        // The server's window may have turned over up to _resetUncertainty before ours: whatever we
        // granted since then may already count in the new window, so it is charged there.
        var earliestServerReset = resetAt - ResetSlack - _resetUncertainty;
        var chargedToNext = 0;
        while (_grantTimes.Count > 0)
            if (_grantTimes.Dequeue() >= earliestServerReset) chargedToNext++;
        for (var i = 0; i < chargedToNext; i++) _grantTimes.Enqueue(resetAt);
        // A new window: the full limit if we know it, else learn it again one request at a time.
        _remaining = _limit is int limit ? Math.Max(0, limit - chargedToNext) : null;
        _resetAt = null;
        _window++;
    }

    private void Release(int permits)
    {
        lock (_gate)
        {
            _outstanding -= permits;
            if (_outstanding == 0) _idleSince = _clock.Elapsed;
            Pulse();
        }
    }

    private void Pulse()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class Lease : RateLimitLease
    {
        private static readonly string[] RetryAfterName = { MetadataName.RetryAfter.Name };
        private readonly ServerGuidedRateLimiter? _owner;
        private readonly int _permits;
        private readonly TimeSpan? _retryAfter;
        private int _disposed;

        public Lease(ServerGuidedRateLimiter owner, int permits, long window)
        {
            _owner = owner;
            _permits = permits;
            Window = window;
        }

        /// <summary>Which of our windows the permit was granted in.</summary>
        public long Window { get; }

        private Lease(TimeSpan retryAfter) => _retryAfter = retryAfter;

        public static Lease Refused(TimeSpan retryAfter) => new(retryAfter);

        public override bool IsAcquired => _owner is not null;

        public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : RetryAfterName;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (_retryAfter is TimeSpan ra && ra != Timeout.InfiniteTimeSpan && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = ra;
                return true;
            }
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (_owner is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
                _owner.Release(_permits);
        }
    }
}
