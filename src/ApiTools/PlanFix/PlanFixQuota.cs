using System.Globalization;

namespace ApiTools.PlanFix;

/// <summary>The account's daily request quota as the client knows it: from <c>X-RateLimit-Remaining</c> where PlanFix sends it,
/// else counted down from the plan's figure.</summary>
public sealed class PlanFixQuota
{
    public PlanFixQuota(string account, int dailyQuota, int? remaining, string source, bool lowWarningShown)
    {
        Account = account;
        DailyQuota = dailyQuota;
        Remaining = remaining;
        Source = source;
        LowWarningShown = lowWarningShown;
    }

    public string Account { get; }

    /// <summary>Requests a day on the account's plan (Connect-PlanFix -DailyQuota; raised when the server says more are left).</summary>
    public int DailyQuota { get; }

    /// <summary>Requests left today; null before the first request of this connection.</summary>
    public int? Remaining { get; }

    /// <summary><c>X-RateLimit-Remaining</c> (the server said so), <c>counted</c> (this connection's own count) or <c>none yet</c>.</summary>
    public string Source { get; }

    /// <summary>True once the "under 10 % left" warning was given for this connection.</summary>
    public bool LowWarningShown { get; }

    public override string ToString() =>
        Remaining is int left
            ? string.Format(CultureInfo.InvariantCulture, "PlanFix: {0} of {1} requests left today ({2})", left, DailyQuota, Source)
            : string.Format(CultureInfo.InvariantCulture, "PlanFix: {0} requests a day, none made yet", DailyQuota);
}

/// <summary>One connection's quota count, shared by every client made from it (thread-safe).</summary>
internal sealed class QuotaTracker
{
    public const string HeaderSource = "X-RateLimit-Remaining";
    public const string CountedSource = "counted";

    private readonly object _gate = new();
    private readonly string _account;
    private int _daily;
    private int? _remaining;
    private string _source = "none yet";
    private int _warned;

    public QuotaTracker(string account, int daily)
    {
        _account = account;
        _daily = daily;
    }

    public int DailyQuota { get { lock (_gate) return _daily; } }

    public int? Remaining { get { lock (_gate) return _remaining; } }

    public PlanFixQuota Snapshot()
    {
        lock (_gate) return new PlanFixQuota(_account, _daily, _remaining, _source, Volatile.Read(ref _warned) != 0);
    }

    /// <summary>Notes one answered request; returns the warning to give, once, when under 10 % is left.</summary>
    public string? Observe(int? headerRemaining)
    {
        int left, daily;
        lock (_gate)
        {
            if (headerRemaining is int said)
            {
                _remaining = Math.Max(0, said);
                _source = HeaderSource;
                if (said > _daily) _daily = said; // the plan is bigger than we were told
            }
            else
            {
                _remaining = Math.Max(0, (_remaining ?? _daily) - 1);
                if (_source != HeaderSource) _source = CountedSource;
            }
            left = _remaining.Value;
            daily = _daily;
        }
        if ((long)left * 10 >= daily) return null;
        if (Interlocked.Exchange(ref _warned, 1) != 0) return null;
        return string.Format(CultureInfo.InvariantCulture, "PlanFix: {0} of {1} requests left today", left, daily);
    }

    public void Spent()
    {
        lock (_gate)
        {
            _remaining = 0;
            if (_source != HeaderSource) _source = CountedSource;
        }
    }
}
