using System.Globalization;
using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// One key's budget kept in a <see cref="RedisRateStore"/>, so every process and host on the key draws on it: the
/// same pace as the in-process limiter (<see cref="Pace"/>), by the same rules, run as scripts in Redis. The process's
/// own limiter stays beside it, told of every grant and answer: when the store is lost (or slower than
/// <see cref="RedisRateStore.CallBound"/>) a request is paced by it instead, and the store is tried again a second
/// later. Callers are told of each wait before it starts and may refuse it (the retry budget).
/// </summary>
internal sealed class SharedRateLimiter : RateLimiter, IRateLimitFeedback
{
    // While a permit is in flight in another process (learning the server's figures), look again this often; an answer
    // or release in this process wakes its waiters at once.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan InFlightSlack = TimeSpan.FromSeconds(5);

    private readonly RateLimiter _local;
    private readonly Pace _pace;
    private readonly RedisKey[] _keys;
    private readonly string _leasePrefix = Guid.NewGuid().ToString("N").Substring(0, 12) + ":";
    private readonly SemaphoreSlim _turn = new(1, 1);
    private long _leases;
    private TaskCompletionSource<bool> _changed = NewSignal();

    public SharedRateLimiter(RateLimiter local, Pace pace, RedisRateStore store, string limiterKey)
    {
        _local = local;
        _pace = pace;
        Store = store;
        var prefix = RedisRateStore.KeyFor(limiterKey);
        _keys = pace.Kind == RateKind.Spaced
            ? new RedisKey[] { prefix + "starts" }
            : new RedisKey[] { prefix + "figures", prefix + "inflight", prefix + "granted" };
    }

    public RedisRateStore Store { get; }

    /// <summary>The in-process limiter that serves while the store is lost.</summary>
    internal RateLimiter Local => _local;

    /// <summary>How long a permit may stay in flight before the store frees it (its process may have died).</summary>
    internal TimeSpan InFlightLimit { get; set; } = RetryOptions.Default.AttemptTimeout + InFlightSlack;

    public override TimeSpan? IdleDuration => _local.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

    /// <summary>
    /// Takes a permit, from the store while it answers, else from the process's limiter. <paramref name="beforeWait"/>
    /// hears each wait before it starts (and each that grew by a second or more since); false refuses it, and a
    /// refused lease carrying that wait comes back.
    /// </summary>
    public async ValueTask<RateLimitLease> AcquireAsync(Func<TimeSpan, bool> beforeWait, CancellationToken cancellationToken)
    {
        // One caller of this process at a time asks the store for a spaced start: the others wait their turn here.
        var spaced = _pace.Kind == RateKind.Spaced;
        if (spaced) await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TimeSpan? told = null;
            while (true)
            {
                // This process's own starts count too: a store that came back empty does not know the ones made while it was lost.
                if (spaced && _local is SpacedRateLimiter own && own.UntilNext is var mine && mine > TimeSpan.Zero)
                {
                    if (told is null && !beforeWait(mine)) return Refused.After(mine);
                    told ??= mine;
                    await Task.Delay(mine, cancellationToken).ConfigureAwait(false);
                }
                var name = _leasePrefix + Interlocked.Increment(ref _leases).ToString(CultureInfo.InvariantCulture);
                var taken = spaced ? await TakeSpacedAsync(name).ConfigureAwait(false) : await TakeGuidedAsync(name).ConfigureAwait(false);
                if (taken is null) return await LocalAsync(beforeWait, cancellationToken).ConfigureAwait(false);
                var (granted, wait, window) = taken.Value;
                if (granted)
                {
                    if (spaced && _local is SpacedRateLimiter local) local.Record();
                    return new Lease(this, name, window);
                }
                if (wait is TimeSpan known)
                {
                    if (told is not TimeSpan before || known - before >= TimeSpan.FromSeconds(1))
                    {
                        if (!beforeWait(known)) return Refused.After(known);
                        told = known;
                    }
                    await Task.Delay(known, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var changed = Volatile.Read(ref _changed).Task;
                    using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    await Task.WhenAny(Task.Delay(Poll, poll.Token), changed).ConfigureAwait(false);
                    poll.Cancel();
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }
        finally
        {
            if (spaced) _turn.Release();
        }
    }

    /// <summary>Warnings about the store (lost, back), each once per change.</summary>
    public string? TakeNotice() => Store.TakeNotice();

    public void Observe(RateLimitHeaders headers, RateLimitLease? lease)
    {
        if (lease is not Lease shared)
        {
            (_local as IRateLimitFeedback)?.Observe(headers, lease);
            return;
        }
        // The process's limiter learns the figures too, to serve well if the store is lost.
        (_local as IRateLimitFeedback)?.Observe(headers, null);
        if (_pace.Kind != RateKind.ServerGuided || !shared.TakeRelease()) return;
        var limit = headers.Limit is int l && l > 0 ? l : -1;
        var wait = headers.SuggestedWait is TimeSpan w ? (long)Math.Min(w.TotalMilliseconds, long.MaxValue / 2) : -1;
        Store.Post(RedisScripts.GuidedObserve, _keys, new RedisValue[]
        {
            shared.Name, shared.Window, limit, headers.Remaining ?? -1, wait,
            headers.Refused ? 1 : 0, headers.Any ? 1 : 0,
        });
        Pulse();
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        // The store cannot be asked without waiting: callers that only try are sent to AcquireAsync.
        Refused.Unknown;

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        AcquireAsync(_ => true, cancellationToken);

    private async Task<(bool Granted, TimeSpan? Wait, long Window)?> TakeSpacedAsync(string name)
    {
        var result = await Store.RunAsync(RedisScripts.SpacedTake, _keys,
            new RedisValue[] { _pace.Permits, (long)_pace.Window.TotalMilliseconds, name }).ConfigureAwait(false);
        if (result is null) return null;
        var wait = (long)result;
        return (wait <= 0, wait <= 0 ? null : TimeSpan.FromMilliseconds(wait), 0);
    }

    private async Task<(bool Granted, TimeSpan? Wait, long Window)?> TakeGuidedAsync(string name)
    {
        // A grant that comes back after the bound is not used (the process's limiter served): give it back at once.
        var result = await Store.RunAsync(RedisScripts.GuidedTake, _keys,
            new RedisValue[] { name, (long)InFlightLimit.TotalMilliseconds },
            late => { if ((long)((RedisResult[])late!)[0] == 1) Store.Post(RedisScripts.GuidedRelease, _keys, new RedisValue[] { name }); }).ConfigureAwait(false);
        if (result is null) return null;
        var parts = (RedisResult[])result!;
        var wait = (long)parts[1];
        return ((long)parts[0] == 1, wait < 0 ? null : TimeSpan.FromMilliseconds(wait), (long)parts[2]);
    }

    /// <summary>The process's own limiter, each known wait told first (as the transport does for it alone).</summary>
    private async Task<RateLimitLease> LocalAsync(Func<TimeSpan, bool> beforeWait, CancellationToken cancellationToken)
    {
        var lease = _local.AttemptAcquire(1);
        while (!lease.IsAcquired)
        {
            var known = lease.TryGetMetadata(MetadataName.RetryAfter, out var said) ? said : (TimeSpan?)null;
            lease.Dispose();
            if (known is TimeSpan wait && wait > TimeSpan.Zero && !beforeWait(wait)) return Refused.After(wait);
            lease = await _local.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        return lease;
    }

    private void Release(Lease lease)
    {
        if (_pace.Kind != RateKind.ServerGuided || !lease.TakeRelease()) return;
        Store.Post(RedisScripts.GuidedRelease, _keys, new RedisValue[] { lease.Name });
        Pulse();
    }

    private void Pulse() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult(true);

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A permit granted by the store: its name frees it there (when its answer is learnt, or on dispose).</summary>
    private sealed class Lease : RateLimitLease
    {
        private readonly SharedRateLimiter _owner;
        private int _released;

        public Lease(SharedRateLimiter owner, string name, long window)
        {
            _owner = owner;
            Name = name;
            Window = window;
        }

        public string Name { get; }

        public long Window { get; }

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => Array.Empty<string>();

        /// <summary>True the first time only: the permit is freed once.</summary>
        public bool TakeRelease() => Interlocked.Exchange(ref _released, 1) == 0;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing) => _owner.Release(this);
    }

    /// <summary>A permit not granted, with the wait that was refused (or none known).</summary>
    private sealed class Refused : RateLimitLease
    {
        private static readonly string[] RetryAfterName = { MetadataName.RetryAfter.Name };
        private readonly TimeSpan? _wait;

        private Refused(TimeSpan? wait) => _wait = wait;

        public static Refused Unknown { get; } = new(null);

        public static Refused After(TimeSpan wait) => new(wait);

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => _wait is null ? Array.Empty<string>() : RetryAfterName;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = _wait;
            return _wait is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
