using System.Globalization;

namespace ApiTools.PowerShell.Base;

/// <summary>Turns what the client library reports into PowerShell streams: one verbose line per HTTP
/// call, a warning for any wait over a second (visible throttling), verbose for shorter ones.</summary>
internal sealed class CmdletObserver : IApiObserver
{
    private static readonly TimeSpan WarnAbove = TimeSpan.FromSeconds(1);
    private readonly ApiCmdlet _cmdlet;
    private readonly PipelinePump _pump;

    public CmdletObserver(ApiCmdlet cmdlet, PipelinePump pump)
    {
        _cmdlet = cmdlet;
        _pump = pump;
    }

    private long _calls;

    /// <summary>HTTP calls made so far for this cmdlet invocation (shown in progress as requests).</summary>
    public long Calls => System.Threading.Interlocked.Read(ref _calls);

    public void OnCall(ApiCallInfo call)
    {
        System.Threading.Interlocked.Increment(ref _calls);
        _pump.Post(() => _cmdlet.WriteVerbose(call.ToString()));
    }

    public void OnWait(TimeSpan delay, string reason)
    {
        var text = string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.0} s: {1}.", delay.TotalSeconds, reason);
        if (delay > WarnAbove) _pump.Post(() => _cmdlet.WriteWarning(text));
        else _pump.Post(() => _cmdlet.WriteVerbose(text));
    }

    /// <summary>Each distinct warning once per command: a reader that meets the same odd field on every item of a
    /// listing says so once (its text names the field, not the value).</summary>
    public void OnWarning(string message)
    {
        if (_warned.TryAdd(message, true)) _pump.Post(() => _cmdlet.WriteWarning(message));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);
}
