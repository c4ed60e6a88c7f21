namespace ApiTools.Emulator;

/// <summary>
/// Settings a running emulator reads on every request, so tests (or POST /_emulator/settings)
/// can change them without a restart. Each value is read and written atomically.
/// </summary>
public sealed class EmulatorSettings
{
    private readonly EmulatorOptions _startup;

    internal EmulatorSettings(EmulatorOptions startup)
    {
        _startup = startup;
        RestoreStartup();
    }

    /// <summary>Delay before answering each service request (not control requests).</summary>
    public TimeSpan Latency { get => _latency.Value; set => _latency.Set(value); }
    private readonly AtomicSetting<TimeSpan> _latency = new(v => v >= TimeSpan.Zero, "must not be negative");

    /// <summary>Evotor requests allowed per token per window; 0 = unlimited.</summary>
    public int EvotorRateLimit { get => _evotorRateLimit.Value; set => _evotorRateLimit.Set(value); }
    private readonly AtomicSetting<int> _evotorRateLimit = new(v => v >= 0, "must be 0 (off) or more");

    /// <summary>Length of the fixed Evotor rate window; a change applies to windows opened afterwards.</summary>
    public TimeSpan EvotorRateWindow { get => _evotorRateWindow.Value; set => _evotorRateWindow.Set(value); }
    private readonly AtomicSetting<TimeSpan> _evotorRateWindow = new(v => v > TimeSpan.Zero, "must be positive");

    /// <summary>Largest and default page size of list endpoints.</summary>
    public int MaxPageSize { get => _maxPageSize.Value; set => _maxPageSize.Set(value); }
    private readonly AtomicSetting<int> _maxPageSize = new(v => v >= 1, "must be 1 or more");

    /// <summary>
    /// How long an Evotor bulk task takes: ACCEPTED for the first third, RUNNING until the end, then
    /// COMPLETED, FAILED or DECLINED (its items are stored at that moment). Read whenever a task's status
    /// is worked out, so a change also applies to tasks already accepted. Zero finishes tasks at once.
    /// </summary>
    public TimeSpan EvotorBulkTaskDuration { get => _evotorBulkTaskDuration.Value; set => _evotorBulkTaskDuration.Set(value); }
    private readonly AtomicSetting<TimeSpan> _evotorBulkTaskDuration = new(v => v >= TimeSpan.Zero, "must not be negative");

    /// <summary>Evotor answers in the service's shapes or the documentation's (wrapped receipt parts, stores as objects).</summary>
    public EvotorShapes EvotorShapes { get => _evotorShapes.Value; set => _evotorShapes.Set(value); }
    private readonly AtomicSetting<EvotorShapes> _evotorShapes = new(Enum.IsDefined, "must be Service or Documentation");

    /// <summary>How successful Evotor writes answer: 200 with a body, or 201, 204 or 200 without one.</summary>
    public EvotorWriteAnswer EvotorWriteAnswer { get => _evotorWriteAnswer.Value; set => _evotorWriteAnswer.Set(value); }
    private readonly AtomicSetting<EvotorWriteAnswer> _evotorWriteAnswer = new(Enum.IsDefined, "must be Body, Created, NoContent or Empty");

    /// <summary>GET of one product image: the PNG, or its metadata with a URL.</summary>
    public EvotorImageAnswer EvotorImageAnswer { get => _evotorImageAnswer.Value; set => _evotorImageAnswer.Set(value); }
    private readonly AtomicSetting<EvotorImageAnswer> _evotorImageAnswer = new(Enum.IsDefined, "must be Bytes or Metadata");

    /// <summary>EnDocs requests allowed per token per window; 0 = unlimited (default 300 per minute).</summary>
    public int EnDocsRateLimit { get => _enDocsRateLimit.Value; set => _enDocsRateLimit.Set(value); }
    private readonly AtomicSetting<int> _enDocsRateLimit = new(v => v >= 0, "must be 0 (off) or more");

    /// <summary>Length of the fixed EnDocs rate window; a change applies to windows opened afterwards.</summary>
    public TimeSpan EnDocsRateWindow { get => _enDocsRateWindow.Value; set => _enDocsRateWindow.Set(value); }
    private readonly AtomicSetting<TimeSpan> _enDocsRateWindow = new(v => v > TimeSpan.Zero, "must be positive");

    /// <summary>EnDocs lists answer <c>{"key":0,"value":null}</c> (the account's sync is off).</summary>
    public bool EnDocsSyncOff { get => _enDocsSyncOff.Value; set => _enDocsSyncOff.Set(value); }
    private readonly AtomicSetting<bool> _enDocsSyncOff = new();

    /// <summary>How long a PlanFix sid lives after <c>auth.login</c> (checked on each use; default one hour).</summary>
    public TimeSpan PlanFixSidTtl { get => _planFixSidTtl.Value; set => _planFixSidTtl.Set(value); }
    private readonly AtomicSetting<TimeSpan> _planFixSidTtl = new(v => v > TimeSpan.Zero, "must be positive");

    /// <summary>PlanFix requests per second per account and API key (default 1); 0 = unlimited.</summary>
    public double PlanFixRatePerSecond { get => _planFixRatePerSecond.Value; set => _planFixRatePerSecond.Set(value); }
    private readonly AtomicSetting<double> _planFixRatePerSecond = new(v => double.IsFinite(v) && v >= 0, "must be 0 (off) or more");

    /// <summary>PlanFix requests per account per day (default 5000); then error 0007. A change applies at once.</summary>
    public int PlanFixDailyQuota { get => _planFixDailyQuota.Value; set => _planFixDailyQuota.Set(value); }
    private readonly AtomicSetting<int> _planFixDailyQuota = new(v => v >= 0, "must be 0 or more");

    /// <summary>Puts every live value back to the startup options.</summary>
    public void RestoreStartup()
    {
        Latency = _startup.Latency;
        EvotorRateLimit = _startup.EvotorRateLimit;
        EvotorRateWindow = _startup.EvotorRateWindow;
        MaxPageSize = _startup.MaxPageSize;
        EvotorBulkTaskDuration = _startup.EvotorBulkTaskDuration;
        EvotorShapes = _startup.EvotorShapes;
        EvotorWriteAnswer = _startup.EvotorWriteAnswer;
        EvotorImageAnswer = _startup.EvotorImageAnswer;
        EnDocsRateLimit = _startup.EnDocsRateLimit;
        EnDocsRateWindow = _startup.EnDocsRateWindow;
        EnDocsSyncOff = _startup.EnDocsSyncOff;
        PlanFixSidTtl = _startup.PlanFixSidTtl;
        PlanFixRatePerSecond = _startup.PlanFixRatePerSecond;
        PlanFixDailyQuota = _startup.PlanFixDailyQuota;
    }
}
