using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Spaces requests at least <c>interval</c> apart, whoever asks: for servers that count "one request a
/// second" request by request (PlanFix). A token bucket would save a token while idle and spend it just
/// before a refill, sending two requests milliseconds apart that such a server refuses. Callers go one at a
/// time, and each waits until the interval has passed since the previous caller actually started: spacing
/// from reserved times would not survive a caller that wakes late on a busy machine.
/// </summary>
public sealed class SpacedRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _interval;
    private TimeSpan _next = TimeSpan.Zero; // the earliest start of the next request
    private long _granted;

    public SpacedRateLimiter(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        _interval = interval;
    }

    public override TimeSpan? IdleDuration
    {
        get { lock (_gate) { var idle = _clock.Elapsed - _next; return idle > TimeSpan.Zero ? idle : null; } }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate) return new RateLimiterStatistics { CurrentAvailablePermits = _clock.Elapsed >= _next ? 1 : 0, TotalSuccessfulLeases = _granted };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (now < _next) return new Lease(false, _next - now);
            Reserve(now);
            return new Lease(true, null);
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock.Elapsed;
                    wait = _next - now;
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
            _turn.Release();
        }
    }

    private void Reserve(TimeSpan start)
    {
        _next = start + _interval;
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
