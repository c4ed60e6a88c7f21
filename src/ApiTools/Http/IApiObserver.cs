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
