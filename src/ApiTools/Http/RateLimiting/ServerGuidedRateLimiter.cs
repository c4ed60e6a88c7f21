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
/// Each answer of a window bounds its end from above: it was decided before we read it, so the window ends no later
/// than the moment we read it plus the Reset it carried. The window turns at the earliest of those bounds, with no
/// slack: a request sent after it arrives after the server's window ended, however long either took on the way, and
/// every millisecond waited past the end is lost (a server that opens its next window with the next request drifts
/// by it). Only a refusal (429) holds the window until its own, later, time, with a little slack.
/// What the server says is followed, never held against it: when its window changes (another limit, or a reset
/// far from the one learnt) the new figures replace the old; a window spent without a reset time, or a limit of 0,
/// is probed again after a second rather than waited on for ever. Every wait it asks for is a known time, which
/// the transport holds against the call's retry budget; a wait that grows while a caller waits ends that wait
/// with a refusal carrying the new time, so it is announced and checked again.
/// </summary>
public sealed class ServerGuidedRateLimiter : RateLimiter, IRateLimitFeedback
{
    // After a refusal: the server asked us to wait, and a server may round that wait down; a little slack keeps the
    // next request from being refused again.
    private static readonly TimeSpan ResetSlack = TimeSpan.FromMilliseconds(50);

    // Answers from one server window give resets at most the rounding (1 s) and their arrival spread apart; a reset
    // further than this from the one learnt means the server's window itself changed.
    private static readonly TimeSpan WindowChange = TimeSpan.FromSeconds(2);

    // A window spent with no reset time said (or a limit of 0): ask again after this long, one request at a time.
    internal static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(1);

    // Task.Delay's ceiling on every runtime the module loads in.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Queue<TimeSpan> _grantTimes = new(); // grants of the current window, oldest first
    private TaskCompletionSource<bool> _changed = NewSignal();
    private bool _serverSendsLimits;
    private bool _sawAnswer;
    private int? _limit;
    private int? _remaining;
    private TimeSpan? _resetAt;
    private bool _probing; // _resetAt is our own guess, not the server's word
    private bool _refused; // _resetAt is a refusal's: later answers of the window do not bring it forward
    private TimeSpan? _latestReset; // the latest end an answer of this window allowed: what may count in the next is charged from it
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
                var sentInThisWindow = lease is not Lease l || l.Window == _window;
                var wait = headers.SuggestedWait;
                var resetAt = wait is TimeSpan w ? _clock.Elapsed + w : (TimeSpan?)null;
                // A limit of 0 or less is no figure to plan by: the window is then probed like an unknown one.
                var limit = headers.Limit is int said && said > 0 ? said : (int?)null;
                if (sentInThisWindow && WindowChanged(limit, resetAt))
                {
                    // The server's window is not the one learnt: start again from its figures, and let answers to
                    // requests granted before now (in the old picture) no longer lower them.
                    _window++;
                    _grantTimes.Clear();
                    _limit = limit ?? _limit;
                    _remaining = headers.Remaining;
                    _resetAt = headers.Refused ? resetAt + ResetSlack : resetAt;
                    _latestReset = resetAt;
                    _refused = headers.Refused;
                    _resetUncertainty = Uncertainty(wait);
                    _probing = false;
                }
                else if (sentInThisWindow || headers.Spent)
                {
                    if (limit is int known) _limit = known;
                    // Out-of-order answers: the lowest Remaining of a window wins.
                    if (headers.Remaining is int remaining)
                        _remaining = _remaining is int have && sentInThisWindow ? Math.Min(have, remaining) : remaining;
                    if (resetAt is TimeSpan at)
                    {
                        _resetAt = NextReset(at, headers.Refused, sentInThisWindow);
                        _latestReset = _latestReset is TimeSpan latest && latest > at ? latest : at;
                        _resetUncertainty = Uncertainty(wait);
                        _probing = false;
                    }
                }
            }
            Pulse();
        }
    }

    /// <summary>
    /// When the window turns, given one more answer's end <paramref name="at"/>: a refusal's end (and slack) if later than
    /// the one learnt; an answer of this window brings it forward to the earliest bound (unless a refusal set it); an
    /// answer sent in an earlier window of ours that spent its window (out of order) only ever puts it back.
    /// </summary>
    private TimeSpan NextReset(TimeSpan at, bool refused, bool sentInThisWindow)
    {
        if (_resetAt is not TimeSpan current || _probing)
        {
            _refused = refused;
            return refused ? at + ResetSlack : at;
        }
        if (refused)
        {
            _refused = true;
            return at + ResetSlack > current ? at + ResetSlack : current;
        }
        if (sentInThisWindow && !_refused) return at < current ? at : current;
        return at > current ? at : current;
    }

    /// <summary>Another limit than the one learnt, or a reset further from the learnt one than one window's answers spread.</summary>
    private bool WindowChanged(int? limit, TimeSpan? resetAt) =>
        (limit is int said && _limit is int learnt && said != learnt)
        || (resetAt is TimeSpan theirs && _resetAt is TimeSpan ours && (theirs - ours).Duration() > WindowChange);

    // Reset comes in whole seconds rounded up: the server's window may turn up to a second before ours.
    private static TimeSpan Uncertainty(TimeSpan? wait) =>
        wait is TimeSpan w && w.Ticks % TimeSpan.TicksPerSecond == 0 && w > TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.Zero;

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
        TimeSpan? announced = null;
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
            // A known wait longer than the one the caller set out on (by a second or more): hand it back, so the
            // caller announces it and holds it against its budget before waiting on.
            if (wait != Timeout.InfiniteTimeSpan)
            {
                if (announced is TimeSpan first && wait.Value - first >= TimeSpan.FromSeconds(1)) return Lease.Refused(wait.Value);
                announced ??= wait;
            }
            // Wake on the reset time or when an answer/release changes the picture, whichever is first.
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait.Value == Timeout.InfiniteTimeSpan ? Timeout.InfiniteTimeSpan : Clamp(wait.Value), delayCts.Token);
            await Task.WhenAny(delay, changed).ConfigureAwait(false);
            delayCts.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestDelay ? LongestDelay : wait;

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
        // Nothing in flight will change the picture and no reset was said (a spent window without X-RateLimit-Reset,
        // a limit of 0): probe again shortly instead of waiting for ever.
        if (_outstanding == 0)
        {
            _probing = true;
            _resetAt = now + ProbeAfter;
            return ProbeAfter;
        }
        return Timeout.InfiniteTimeSpan;
    }

    private void StartNextWindow(TimeSpan resetAt)
    {
        // The server's window may have turned over up to _resetUncertainty before the latest end its answers allowed:
        // whatever we granted since then may already count in the new window, so it is charged there.
        var earliestServerReset = (_latestReset ?? resetAt) - _resetUncertainty;
        var chargedToNext = 0;
        while (_grantTimes.Count > 0)
            if (_grantTimes.Dequeue() >= earliestServerReset) chargedToNext++;
        for (var i = 0; i < chargedToNext; i++) _grantTimes.Enqueue(resetAt);
        // A new window: the full limit if we know it, else learn it again one request at a time (so too after a
        // guessed reset: the server never said the window turned).
        _remaining = _limit is int limit && !_probing ? Math.Max(0, limit - chargedToNext) : null;
        _probing = false;
        _refused = false;
        _resetAt = null;
        _latestReset = null;
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
