namespace ApiTools.Emulator;

/// <summary>
/// Settings a running emulator reads on every request, so tests (or POST /_emulator/settings)
/// can change them without a restart. Each value is read and written atomically.
/// </summary>
public sealed class EmulatorSettings
{
    private readonly EmulatorOptions _startup;
    private long _latencyTicks;
    private int _evotorRateLimit;
    private long _evotorRateWindowTicks;
    private int _maxPageSize;
    private long _evotorBulkTaskDurationTicks;
    private int _enDocsRateLimit;
    private long _enDocsRateWindowTicks;
    private int _enDocsSyncOff;
    private long _planFixSidTtlTicks;
    private long _planFixRateBits;
    private int _planFixDailyQuota;

    internal EmulatorSettings(EmulatorOptions startup)
    {
        _startup = startup;
        RestoreStartup();
    }

    /// <summary>Delay before answering each service request (not control requests).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set
        {
            if (value < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), value, "must not be negative");
            Interlocked.Exchange(ref _latencyTicks, value.Ticks);
        }
    }

    /// <summary>Evotor requests allowed per token per window; 0 = unlimited.</summary>
    public int EvotorRateLimit
    {
        get => Volatile.Read(ref _evotorRateLimit);
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(EvotorRateLimit), value, "must be 0 (off) or more");
            Volatile.Write(ref _evotorRateLimit, value);
        }
    }

    /// <summary>Length of the fixed Evotor rate window; a change applies to windows opened afterwards.</summary>
    public TimeSpan EvotorRateWindow
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _evotorRateWindowTicks));
        set
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EvotorRateWindow), value, "must be positive");
            Interlocked.Exchange(ref _evotorRateWindowTicks, value.Ticks);
        }
    }

    /// <summary>Largest and default page size of list endpoints.</summary>
    public int MaxPageSize
    {
        get => Volatile.Read(ref _maxPageSize);
        set
        {
            if (value < 1) throw new ArgumentOutOfRangeException(nameof(MaxPageSize), value, "must be 1 or more");
            Volatile.Write(ref _maxPageSize, value);
        }
    }

    /// <summary>
    /// How long an Evotor bulk task takes: ACCEPTED for the first third, RUNNING until the end, then
    /// COMPLETED, FAILED or DECLINED (its items are stored at that moment). Read whenever a task's status
    /// is worked out, so a change also applies to tasks already accepted. Zero finishes tasks at once.
    /// </summary>
    public TimeSpan EvotorBulkTaskDuration
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _evotorBulkTaskDurationTicks));
        set
        {
            if (value < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EvotorBulkTaskDuration), value, "must not be negative");
            Interlocked.Exchange(ref _evotorBulkTaskDurationTicks, value.Ticks);
        }
    }

    /// <summary>EnDocs requests allowed per token per window; 0 = unlimited (default 300 per minute).</summary>
    public int EnDocsRateLimit
    {
        get => Volatile.Read(ref _enDocsRateLimit);
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(EnDocsRateLimit), value, "must be 0 (off) or more");
            Volatile.Write(ref _enDocsRateLimit, value);
        }
    }

    /// <summary>Length of the fixed EnDocs rate window; a change applies to windows opened afterwards.</summary>
    public TimeSpan EnDocsRateWindow
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _enDocsRateWindowTicks));
        set
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(EnDocsRateWindow), value, "must be positive");
            Interlocked.Exchange(ref _enDocsRateWindowTicks, value.Ticks);
        }
    }

    /// <summary>EnDocs lists answer <c>{"key":0,"value":null}</c> (the account's sync is off).</summary>
    public bool EnDocsSyncOff
    {
        get => Volatile.Read(ref _enDocsSyncOff) != 0;
        set => Volatile.Write(ref _enDocsSyncOff, value ? 1 : 0);
    }

    /// <summary>How long a PlanFix sid lives after <c>auth.login</c> (checked on each use; default one hour).</summary>
    public TimeSpan PlanFixSidTtl
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _planFixSidTtlTicks));
        set
        {
            if (value <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(PlanFixSidTtl), value, "must be positive");
            Interlocked.Exchange(ref _planFixSidTtlTicks, value.Ticks);
        }
    }

    /// <summary>PlanFix requests per second per account and API key (default 1); 0 = unlimited.</summary>
    public double PlanFixRatePerSecond
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _planFixRateBits));
        set
        {
            if (!double.IsFinite(value) || value < 0) throw new ArgumentOutOfRangeException(nameof(PlanFixRatePerSecond), value, "must be 0 (off) or more");
            Interlocked.Exchange(ref _planFixRateBits, BitConverter.DoubleToInt64Bits(value));
        }
    }

    /// <summary>PlanFix requests per account per day (default 5000); then error 0007. A change applies at once.</summary>
    public int PlanFixDailyQuota
    {
        get => Volatile.Read(ref _planFixDailyQuota);
        set
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(PlanFixDailyQuota), value, "must be 0 or more");
            Volatile.Write(ref _planFixDailyQuota, value);
        }
    }

    /// <summary>Puts every live value back to the startup options.</summary>
    public void RestoreStartup()
    {
        Latency = _startup.Latency;
        EvotorRateLimit = _startup.EvotorRateLimit;
        EvotorRateWindow = _startup.EvotorRateWindow;
        MaxPageSize = _startup.MaxPageSize;
        EvotorBulkTaskDuration = _startup.EvotorBulkTaskDuration;
        EnDocsRateLimit = _startup.EnDocsRateLimit;
        EnDocsRateWindow = _startup.EnDocsRateWindow;
        EnDocsSyncOff = _startup.EnDocsSyncOff;
        PlanFixSidTtl = _startup.PlanFixSidTtl;
        PlanFixRatePerSecond = _startup.PlanFixRatePerSecond;
        PlanFixDailyQuota = _startup.PlanFixDailyQuota;
    }
}
