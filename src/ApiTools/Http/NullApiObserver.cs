namespace ApiTools.Http;

/// <summary>Hears nothing: for library callers that do not care.</summary>
public sealed class NullApiObserver : IApiObserver
{
    public static NullApiObserver Instance { get; } = new();
    public void OnCall(ApiCallInfo call) { }
    public void OnWait(TimeSpan delay, string reason) { }
    public void OnWarning(string message) { }
}
