using System.Runtime.CompilerServices;

namespace ApiTools.Emulator;

/// <summary>
/// Startup options of an emulator instance. Seed-related values are fixed for the server's life;
/// the live subset (latency, rate limits, page size, bulk duration, PlanFix sid lifetime and quota…)
/// is copied into <see cref="EmulatorSettings"/> and restored from here by a reset.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Seed of every generated data set: the same seed gives the same data.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Seed of the draws made for faults with a <see cref="FaultRule.Probability"/>: the same seed and
    /// the same order of requests give the same faulted requests, so a failing run can be replayed.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>Faults queued at start (the command line's <c>--fault</c>), in order.</summary>
    public IList<FaultRule> Faults { get; set; } = [];

    /// <summary>Number of seeded Evotor stores.</summary>
    public int EvotorStores { get; set; } = 5;

    /// <summary>Products seeded in each store (generated from their index on demand: 1M stays cheap).</summary>
    public int EvotorProductsPerStore { get; set; } = 25;

    /// <summary>Product groups seeded in each store.</summary>
    public int EvotorProductGroupsPerStore { get; set; } = 4;

    /// <summary>Smart terminals seeded in each store.</summary>
    public int EvotorDevicesPerStore { get; set; } = 2;

    /// <summary>Employees of the account (the first is an ADMIN of every store).</summary>
    public int EvotorEmployees { get; set; } = 6;

    /// <summary>Documents seeded in each store (none in a store without devices).</summary>
    public int EvotorDocumentsPerStore { get; set; } = 40;

    /// <summary>Historical bulk tasks (cycling COMPLETED, FAILED, DECLINED).</summary>
    public int EvotorBulkTasks { get; set; } = 3;

    /// <summary>Largest page a list endpoint serves and its default page size (Evotor: 1000).</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>Evotor cloud tokens the emulator accepts.</summary>
    public IList<string> EvotorTokens { get; set; } = ["evotor-demo-token", "evotor-demo-token-2"];

    /// <summary>Requests allowed per token per <see cref="EvotorRateWindow"/>; 0 turns limiting off.</summary>
    public int EvotorRateLimit { get; set; }

    /// <summary>Length of the fixed rate-limit window.</summary>
    public TimeSpan EvotorRateWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before answering each service request.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>How long a new bulk task takes to finish (live: <see cref="EmulatorSettings.EvotorBulkTaskDuration"/>).</summary>
    public TimeSpan EvotorBulkTaskDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Adds fields the contract does not name, so clients can prove they keep them.</summary>
    public bool UnknownFields { get; set; }

    /// <summary>The service's shapes or the documentation's where they differ (live: <see cref="EmulatorSettings.EvotorShapes"/>).</summary>
    public EvotorShapes EvotorShapes { get; set; } = EvotorShapes.Service;

    /// <summary>How successful writes answer: with a body, or 201/204/200 without one (live: <see cref="EmulatorSettings.EvotorWriteAnswer"/>).</summary>
    public EvotorWriteAnswer EvotorWriteAnswer { get; set; } = EvotorWriteAnswer.Body;

    /// <summary>GET of one image: its bytes, or its metadata with a URL (live: <see cref="EmulatorSettings.EvotorImageAnswer"/>).</summary>
    public EvotorImageAnswer EvotorImageAnswer { get; set; } = EvotorImageAnswer.Bytes;

    /// <summary>Seeded EnDocs contracts (GetNewContracts).</summary>
    public int EnDocsContracts { get; set; } = 30;

    /// <summary>Seeded EnDocs incoming invoices (GetNewInvoices); generated from their index, so 200,000 stays cheap.</summary>
    public int EnDocsInvoices { get; set; } = 40;

    /// <summary>Seeded EnDocs receipts of goods (GetNewInputs).</summary>
    public int EnDocsInputs { get; set; } = 40;

    /// <summary>Seeded EnDocs non-form documents (GetNonFormDoc); the first three carry hostile file names and a 2 MB file.</summary>
    public int EnDocsNonForm { get; set; } = 20;

    /// <summary>Seeded EnDocs contractors (half with an ext_ID).</summary>
    public int EnDocsContractors { get; set; } = 12;

    /// <summary>The EnDocs account's own organisations (the first is "ООО Ромашка").</summary>
    public int EnDocsOrganizations { get; set; } = 2;

    /// <summary>Users of the EnDocs account (GetClientUsers).</summary>
    public int EnDocsUsers { get; set; } = 5;

    /// <summary>EnDocs API tokens the emulator accepts.</summary>
    public IList<string> EnDocsTokens { get; set; } = ["endocs-demo-token", "endocs-demo-token-2"];

    /// <summary>EnDocs requests allowed per token per <see cref="EnDocsRateWindow"/>; 0 turns limiting off (EnDocs: 300 per minute).</summary>
    public int EnDocsRateLimit { get; set; } = 300;

    /// <summary>Length of the fixed EnDocs rate-limit window.</summary>
    public TimeSpan EnDocsRateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>EnDocs lists answer <c>{"key":0,"value":null}</c>, as when the account's sync is off (live: <see cref="EmulatorSettings.EnDocsSyncOff"/>).</summary>
    public bool EnDocsSyncOff { get; set; }

    /// <summary>The PlanFix account name requests must carry in <c>&lt;account&gt;</c> (another → 0004).</summary>
    public string PlanFixAccount { get; set; } = "demo";

    /// <summary>PlanFix API keys accepted as the Basic user name (another → 0001).</summary>
    public IList<string> PlanFixApiKeys { get; set; } = ["planfix-demo-key"];

    /// <summary>PlanFix user tokens (token mode: Basic password); the i-th acts as the i-th seeded user.</summary>
    public IList<string> PlanFixTokens { get; set; } = ["planfix-demo-token", "planfix-demo-token-2"];

    /// <summary>PlanFix logins for <c>auth.login</c>, login → password; the i-th acts as the i-th seeded user.</summary>
    public IDictionary<string, string> PlanFixLogins { get; set; } = new Dictionary<string, string> { ["demo"] = "demo-password" };

    /// <summary>How long a PlanFix sid lives (live: <see cref="EmulatorSettings.PlanFixSidTtl"/>); PlanFix: one hour.</summary>
    public TimeSpan PlanFixSidTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PlanFix requests per second per account and API key; 0 turns limiting off (live).</summary>
    public double PlanFixRatePerSecond { get; set; } = 1;

    /// <summary>PlanFix requests per day per account (live); then error 0007.</summary>
    public int PlanFixDailyQuota { get; set; } = 5000;

    /// <summary>How often PlanFix's <c>X-RateLimit-Remaining</c> is brought up to date; between times every answer carries
    /// the figure of the last refresh (PlanFix: about every 10 minutes). Zero: every answer carries the count as it is.</summary>
    public TimeSpan PlanFixQuotaHeaderRefresh { get; set; } = TimeSpan.Zero;

    /// <summary>The time zone of PlanFix dates (<c>dd-MM-yyyy HH:mm</c>); default UTC+3 (Moscow).</summary>
    public TimeZoneInfo PlanFixTimeZone { get; set; } = MoscowTime;

    /// <summary>Seeded PlanFix tasks (kept as records; 100,000 still seed in well under a second).</summary>
    public int PlanFixTasks { get; set; } = 250;

    /// <summary>Seeded PlanFix projects.</summary>
    public int PlanFixProjects { get; set; } = 10;

    /// <summary>Seeded PlanFix contacts.</summary>
    public int PlanFixContacts { get; set; } = 40;

    /// <summary>Seeded PlanFix users (at least 1; the first is the one the first token and login act as).</summary>
    public int PlanFixUsers { get; set; } = 8;

    /// <summary>UTC+3 without daylight saving, as Moscow keeps it.</summary>
    public static TimeZoneInfo MoscowTime { get; } =
        TimeZoneInfo.CreateCustomTimeZone("UTC+03", TimeSpan.FromHours(3), "(UTC+03:00) Москва", "Москва");

    /// <summary>
    /// A copy that shares nothing changeable with this one. Every property is copied by
    /// <see cref="object.MemberwiseClone"/>, so a new option needs a line here only when it holds a list
    /// or a dictionary (the fault rules in <see cref="Faults"/> are immutable records, shared).
    /// </summary>
    public EmulatorOptions Clone()
    {
        var copy = (EmulatorOptions)MemberwiseClone();
        copy.Faults = [.. Faults];
        copy.EvotorTokens = [.. EvotorTokens];
        copy.EnDocsTokens = [.. EnDocsTokens];
        copy.PlanFixApiKeys = [.. PlanFixApiKeys];
        copy.PlanFixTokens = [.. PlanFixTokens];
        copy.PlanFixLogins = new Dictionary<string, string>(PlanFixLogins, StringComparer.Ordinal);
        return copy;
    }

    internal void Validate()
    {
        AtLeast(0, EvotorStores);
        AtLeast(0, EvotorProductsPerStore);
        AtLeast(0, EvotorProductGroupsPerStore);
        AtLeast(0, EvotorDevicesPerStore);
        AtLeast(0, EvotorEmployees);
        AtLeast(0, EvotorDocumentsPerStore);
        AtLeast(0, EvotorBulkTasks);
        if (EvotorTokens is null || EvotorTokens.Count == 0 || EvotorTokens.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("at least one non-empty Evotor token is needed", nameof(EvotorTokens));
        AtLeast(0, EnDocsContracts);
        AtLeast(0, EnDocsInvoices);
        AtLeast(0, EnDocsInputs);
        AtLeast(0, EnDocsNonForm);
        AtLeast(0, EnDocsContractors);
        AtLeast(0, EnDocsOrganizations);
        AtLeast(0, EnDocsUsers);
        if (EnDocsTokens is null || EnDocsTokens.Count == 0 || EnDocsTokens.Any(string.IsNullOrWhiteSpace) || EnDocsTokens.Any(t => t.Trim() != t))
            throw new ArgumentException("at least one non-empty EnDocs token (without surrounding spaces) is needed", nameof(EnDocsTokens));
        if (string.IsNullOrWhiteSpace(PlanFixAccount)) throw new ArgumentException("a PlanFix account name is needed", nameof(PlanFixAccount));
        if (PlanFixApiKeys is null || PlanFixApiKeys.Count == 0 || PlanFixApiKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Contains(':')))
            throw new ArgumentException("at least one non-empty PlanFix API key (without ':') is needed", nameof(PlanFixApiKeys));
        if (PlanFixTokens is null || PlanFixTokens.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("PlanFix tokens must not be empty", nameof(PlanFixTokens));
        if (PlanFixLogins is null || PlanFixLogins.Any(l => string.IsNullOrWhiteSpace(l.Key) || l.Value is null))
            throw new ArgumentException("PlanFix logins need a name and a password", nameof(PlanFixLogins));
        ArgumentNullException.ThrowIfNull(PlanFixTimeZone, nameof(PlanFixTimeZone));
        AtLeast(0, PlanFixTasks);
        AtLeast(0, PlanFixProjects);
        AtLeast(0, PlanFixContacts);
        AtLeast(1, PlanFixUsers);
        // The live subset is validated by the settings object itself.
        new EmulatorSettings(this);
    }

    private static void AtLeast(int min, int value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < min) throw new ArgumentOutOfRangeException(name, value, $"must be {min} or more");
    }
}
