namespace ApiTools.Http;

/// <summary>What a caller hears about the calls made on its behalf: one line per HTTP exchange,
/// each wait the client imposes, and warnings that are not errors. Invoked from any thread.</summary>
public interface IApiObserver
{
    void OnCall(ApiCallInfo call);

    /// <summary>Raised before a wait starts, so a long wait is announced, not explained afterwards.</summary>
    void OnWait(TimeSpan delay, string reason);

    /// <summary>Something the caller should know that is not an error (a quota running low, a field of an unexpected
    /// kind kept as text). A reader warns with text that names the service, the item kind and the field, never the
    /// value, so a command shows each such warning once however many items carry it.</summary>
    void OnWarning(string message);
}
