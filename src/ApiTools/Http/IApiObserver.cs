using System;

namespace ApiTools.Http;

/// <summary>What a caller hears about the calls made on its behalf: one line per HTTP exchange,
/// each wait the client imposes, and warnings that are not errors. Invoked from any thread.</summary>
public interface IApiObserver
{
    void OnCall(ApiCallInfo call);

    /// <summary>Raised before a wait starts, so a long wait is announced, not explained afterwards.</summary>
    void OnWait(TimeSpan delay, string reason);

    void OnWarning(string message);
}

/// <summary>One HTTP exchange: what was sent (method, path, no secret) and how it ended.</summary>
public sealed class ApiCallInfo
{
    public ApiCallInfo(string service, string method, string path, int? status, TimeSpan elapsed, int attempt, string? failure)
    {
        Service = service;
        Method = method;
        Path = path;
        Status = status;
        Elapsed = elapsed;
        Attempt = attempt;
        Failure = failure;
    }

    public string Service { get; }
    public string Method { get; }
    public string Path { get; }
    public int? Status { get; }
    public TimeSpan Elapsed { get; }
    public int Attempt { get; }
    public string? Failure { get; }

    public override string ToString()
    {
        var outcome = Status is int s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : Failure ?? "no response";
        var retry = Attempt > 1 ? $" (attempt {Attempt})" : "";
        return $"{Service} {Method} /{Path.TrimStart('/')} -> {outcome} in {Elapsed.TotalMilliseconds:0} ms{retry}";
    }
}

/// <summary>Hears nothing: for library callers that do not care.</summary>
public sealed class NullApiObserver : IApiObserver
{
    public static NullApiObserver Instance { get; } = new();
    public void OnCall(ApiCallInfo call) { }
    public void OnWait(TimeSpan delay, string reason) { }
    public void OnWarning(string message) { }
}
