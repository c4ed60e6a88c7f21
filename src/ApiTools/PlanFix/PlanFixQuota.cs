using System.Globalization;
using ApiTools.Http.RateLimiting;

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

/// <summary>
/// One connection's quota count, shared by every client made from it (thread-safe), and with every process on the
/// account and key when the connection keeps its budget in Redis. A header equal to the last one seen is stale (PlanFix
/// refreshes it about every 10 minutes): the count goes on down from it.
/// </summary>
internal sealed class QuotaTracker
{
    public const string HeaderSource = "X-RateLimit-Remaining";
    public const string CountedSource = "counted";

    private readonly object _gate = new();
    private readonly string _account;
    private readonly Func<SharedQuota?> _shared;
    private int _daily;
    private int? _remaining;
    private int? _lastHeader;
    private string _source = "none yet";
    private int _warned;

    public QuotaTracker(string account, int daily, Func<SharedQuota?>? shared = null)
    {
        _account = account;
        _daily = daily;
        _shared = shared ?? (() => null);
    }

    public int DailyQuota { get { lock (_gate) return _daily; } }

    public int? Remaining { get { lock (_gate) return _remaining; } }

    public PlanFixQuota Snapshot()
    {
        lock (_gate) return new PlanFixQuota(_account, _daily, _remaining, _source, Volatile.Read(ref _warned) != 0);
    }

    /// <summary>Notes one answered request; returns the warning to give, once, when under 10 % is left.</summary>
    public async Task<string?> ObserveAsync(int? headerRemaining)
    {
        if (_shared() is SharedQuota shared && await shared.ObserveAsync(headerRemaining, DailyQuota, spent: false).ConfigureAwait(false) is { } counted)
        {
            lock (_gate) Take(counted.Remaining, counted.Daily, counted.FromHeader);
        }
        else
        {
            lock (_gate) Count(headerRemaining);
        }
        return LowWarning();
    }

    /// <summary>The count as every process on the key has it, when the connection shares its budget (else this one's own).</summary>
    public async Task<PlanFixQuota> RefreshAsync()
    {
        if (_shared() is SharedQuota shared && await shared.PeekAsync().ConfigureAwait(false) is { } counted)
            lock (_gate) Take(counted.Remaining, counted.Daily, counted.FromHeader);
        return Snapshot();
    }

    /// <summary>The server said the day's quota is spent (error 0007).</summary>
    public async Task SpentAsync()
    {
        if (_shared() is SharedQuota shared && await shared.ObserveAsync(null, DailyQuota, spent: true).ConfigureAwait(false) is { } counted)
        {
            lock (_gate) Take(counted.Remaining, counted.Daily, counted.FromHeader);
            return;
        }
        lock (_gate)
        {
            _remaining = 0;
            if (_source != HeaderSource) _source = CountedSource;
        }
    }

    private void Count(int? headerRemaining)
    {
        if (headerRemaining is int said && said != _lastHeader)
        {
            _lastHeader = said;
            Take(Math.Max(0, said), Math.Max(_daily, said), fromHeader: true); // a bigger figure: the plan is bigger than we were told
        }
        else
        {
            Take(Math.Max(0, (_remaining ?? _daily) - 1), _daily, _source == HeaderSource);
        }
    }

    private void Take(int remaining, int daily, bool fromHeader)
    {
        _remaining = remaining;
        _daily = daily;
        _source = fromHeader ? HeaderSource : CountedSource;
    }

    private string? LowWarning()
    {
        int left, daily;
        lock (_gate)
        {
            left = _remaining ?? _daily;
            daily = _daily;
        }
        if ((long)left * 10 >= daily) return null;
        if (Interlocked.Exchange(ref _warned, 1) != 0) return null;
        return string.Format(CultureInfo.InvariantCulture, "PlanFix: {0} of {1} requests left today", left, daily);
    }
}
