using System.Diagnostics;

namespace ApiTools.PowerShell.Base;

/// <summary>One cmdlet's progress bar: at most four updates a second (progress must not cost more than the work it
/// reports), and a Completed record at the end only when a bar was shown.</summary>
internal sealed class ProgressReporter
{
    private readonly Cmdlet _cmdlet;
    private readonly int _id;
    private readonly string _activity;
    private readonly Stopwatch _sinceUpdate = new();
    private bool _shown;

    public ProgressReporter(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
        _id = activity.GetHashCode() & 0x7fffffff;
    }

    /// <summary>Shows <paramref name="status"/> unless the last update was under 250 ms ago; the text is made only when shown.</summary>
    public void Update(System.Func<string> status, int secondsRemaining = -1)
    {
        if (_sinceUpdate.IsRunning && _sinceUpdate.ElapsedMilliseconds < 250) return;
        _sinceUpdate.Restart();
        _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, status()) { SecondsRemaining = secondsRemaining });
        _shown = true;
    }

    public void Complete()
    {
        if (_shown) _cmdlet.WriteProgress(new ProgressRecord(_id, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        _shown = false;
    }

    /// <summary>"1 item", "2 items".</summary>
    public static string Count(long n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
