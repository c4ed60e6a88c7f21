using System.Collections.Concurrent;
using ApiTools.Http;

namespace ApiTools.Tests.Support;

/// <summary>Keeps everything the client library reported, for assertions.</summary>
public sealed class RecordingObserver : IApiObserver
{
    public ConcurrentQueue<ApiCallInfo> Calls { get; } = new();
    public ConcurrentQueue<(TimeSpan Delay, string Reason)> Waits { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();

    public void OnCall(ApiCallInfo call) => Calls.Enqueue(call);
    public void OnWait(TimeSpan delay, string reason) => Waits.Enqueue((delay, reason));
    public void OnWarning(string message) => Warnings.Enqueue(message);

    public int CountStatus(int status) => Calls.Count(c => c.Status == status);
}
