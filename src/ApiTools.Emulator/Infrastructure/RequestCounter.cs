namespace ApiTools.Emulator;

/// <summary>
/// Counts service requests per route key ("GET /evotor/stores/{id}") as they arrive, before
/// latency, auth or faults, so a test can assert how many requests a command cost and can
/// await a request's arrival instead of sleeping. Control requests are never counted.
/// </summary>
public sealed class RequestCounter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<Waiter> _waiters = [];
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private int _total;
    private int _inFlight;

    /// <summary>Raised on the request's thread right after it was counted; the argument is its route key.</summary>
    public event Action<string>? RequestStarted;

    /// <summary>Requests counted for one route key since start or the last reset.</summary>
    public int Count(string routeKey)
    {
        lock (_gate) return _counts.GetValueOrDefault(routeKey);
    }

    /// <summary>All service requests counted since start or the last reset.</summary>
    public int Total
    {
        get { lock (_gate) return _total; }
    }

    /// <summary>Service requests the server is still working on (waiting out latency included).</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>A copy of the counters, ordered by route key.</summary>
    public IReadOnlyDictionary<string, int> Snapshot()
    {
        lock (_gate) return new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);
    }

    /// <summary>Clears the counters. Pending waits keep waiting for the new counts.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counts.Clear();
            _total = 0;
        }
    }

    /// <summary>
    /// Completes when the route's counter reaches <paramref name="count"/> (at once if it already has);
    /// throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public Task WaitForRequestAsync(string routeKey, int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(routeKey);
        Waiter waiter;
        lock (_gate)
        {
            if (_counts.GetValueOrDefault(routeKey) >= count) return Task.CompletedTask;
            waiter = new Waiter(routeKey, count);
            _waiters.Add(waiter);
        }
        return WithTimeout(waiter.Completion.Task, timeout, cancellationToken,
            $"the emulator saw fewer than {count} request(s) to '{routeKey}' within {timeout}",
            () => { lock (_gate) _waiters.Remove(waiter); });
    }

    /// <summary>
    /// Completes when no service request is in flight, e.g. to prove a cancelled client
    /// did not leave the server waiting out its latency.
    /// </summary>
    public Task WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource idle;
        lock (_gate)
        {
            if (_inFlight == 0) return Task.CompletedTask;
            idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(idle);
        }
        return WithTimeout(idle.Task, timeout, cancellationToken,
            $"the emulator still had requests in flight after {timeout}",
            () => { lock (_gate) _idleWaiters.Remove(idle); });
    }

    /// <summary>Counts an arriving request; pair with <see cref="End"/>.</summary>
    internal void Begin(string routeKey)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(routeKey) + 1;
            _counts[routeKey] = count;
            _total++;
            _inFlight++;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                if (waiter.RouteKey == routeKey && count >= waiter.Count)
                {
                    _waiters.RemoveAt(i);
                    waiter.Completion.TrySetResult();
                }
            }
        }
        RequestStarted?.Invoke(routeKey);
    }

    /// <summary>Marks a counted request as finished, whatever its outcome.</summary>
    internal void End()
    {
        List<TaskCompletionSource>? idle = null;
        lock (_gate)
        {
            if (--_inFlight == 0 && _idleWaiters.Count > 0)
            {
                idle = [.. _idleWaiters];
                _idleWaiters.Clear();
            }
        }
        idle?.ForEach(static w => w.TrySetResult());
    }

    private static async Task WithTimeout(Task task, TimeSpan timeout, CancellationToken cancellationToken, string timeoutMessage, Action forget)
    {
        try
        {
            await task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            forget();
            throw new TimeoutException(timeoutMessage);
        }
        catch (OperationCanceledException)
        {
            forget();
            throw;
        }
    }

    // A class, not a record: waiters must be removed by identity, not by equal contents.
    private sealed class Waiter(string routeKey, int count)
    {
        public string RouteKey { get; } = routeKey;
        public int Count { get; } = count;

        // Continuations run off the request thread so a test's await never delays the response.
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
