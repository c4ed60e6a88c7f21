using System.Collections.Concurrent;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// Runs async client code while keeping every Write* call on the pipeline thread, where PowerShell
/// requires it: the pipeline thread blocks on the task but wakes for each queued message (a verbose
/// line, a throttle warning) and writes it at once, so a long wait is announced while it happens.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    private readonly ConcurrentQueue<Action> _messages = new();
    private readonly AutoResetEvent _signal = new(false);

    /// <summary>Queues work for the pipeline thread; callable from any thread.</summary>
    public void Post(Action write)
    {
        _messages.Enqueue(write);
        _signal.Set();
    }

    /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, writing queued messages meanwhile.</summary>
    public void Wait(Task task)
    {
        if (!task.IsCompleted)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, _signal };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles);
                Drain();
            }
        }
        Drain();
    }

    public T Wait<T>(Task<T> task)
    {
        Wait((Task)task);
        return task.GetAwaiter().GetResult();
    }

    public T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : Wait(task.AsTask());

    /// <summary>Writes whatever is queued; on the pipeline thread only.</summary>
    public void Drain()
    {
        while (_messages.TryDequeue(out var write)) write();
    }

    public void Dispose() => _signal.Dispose();
}
