using System.Collections.Concurrent;

namespace ApiTools.EnDocs;

/// <summary>
/// A small bounded hand-off from one producer to one consumer. The transport hands a response to its
/// reader inside the attempt and disposes it when the reader returns, so a list that is yielded while
/// its body arrives must be read inside that callback: the callback parses and <see cref="AddAsync"/>s
/// each item (waiting when the consumer is <c>capacity</c> items behind, so a slow pipeline slows the
/// download instead of buffering it), and the async iterator takes them out. netstandard2.0 has no
/// System.Threading.Channels without another package; two semaphores do the job.
/// </summary>
internal sealed class ItemHandOff<T> : IDisposable
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly SemaphoreSlim _space;
    private readonly SemaphoreSlim _available = new(0);
    private Exception? _error;
    private int _completed;

    public ItemHandOff(int capacity) => _space = new SemaphoreSlim(capacity, capacity);

    /// <summary>Adds an item, waiting while the consumer is <c>capacity</c> behind. Synchronous when there is room,
    /// which is nearly always: a large listing passes every item through here.</summary>
    public ValueTask AddAsync(T item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // as WaitAsync would, even with room
        if (_space.Wait(0))
        {
            Enqueue(item);
            return default;
        }
        return new ValueTask(AddWhenRoomAsync(item, cancellationToken));
    }

    private async Task AddWhenRoomAsync(T item, CancellationToken cancellationToken)
    {
        await _space.WaitAsync(cancellationToken).ConfigureAwait(false);
        Enqueue(item);
    }

    private void Enqueue(T item)
    {
        _items.Enqueue(item);
        _available.Release();
    }

    /// <summary>No more items; <paramref name="error"/>, if any, is thrown to the consumer after those already added.</summary>
    public void Complete(Exception? error)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1) return;
        _error = error;
        _available.Release(); // wakes the consumer once more, with nothing queued: the end
    }

    /// <summary>The next item, or false at the end; throws what the producer failed with. Synchronous when an item
    /// is already waiting.</summary>
    public ValueTask<(bool Has, T Item)> TakeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // as WaitAsync would, even with an item waiting
        return _available.Wait(0) ? new ValueTask<(bool, T)>(TakeReady()) : new ValueTask<(bool, T)>(TakeWhenAvailableAsync(cancellationToken));
    }

    private async Task<(bool Has, T Item)> TakeWhenAvailableAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        return TakeReady();
    }

    /// <summary>After a successful wait on <c>_available</c>: an item, or the end.</summary>
    private (bool Has, T Item) TakeReady()
    {
        if (_items.TryDequeue(out var item))
        {
            _space.Release();
            return (true, item);
        }
        _available.Release(); // stay at the end for any later call
        if (_error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_error).Throw();
        return (false, default!);
    }

    public void Dispose()
    {
        _space.Dispose();
        _available.Dispose();
    }
}
