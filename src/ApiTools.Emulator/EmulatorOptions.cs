namespace ApiTools.Emulator;

/// <summary>
/// Startup options of an emulator instance. Seed-related values are fixed for the server's life;
/// the live subset (latency, rate limit, page size) is copied into <see cref="EmulatorSettings"/>
/// and restored from here by a reset.
/// </summary>
public sealed class EmulatorOptions
{
    /// <summary>Seed of every generated data set: the same seed gives the same data.</summary>
    public int Seed { get; set; } = 42;

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

    internal void Validate()
    {
        if (EvotorStores < 0) throw new ArgumentOutOfRangeException(nameof(EvotorStores), EvotorStores, "must be 0 or more");
        if (EvotorProductsPerStore < 0) throw new ArgumentOutOfRangeException(nameof(EvotorProductsPerStore), EvotorProductsPerStore, "must be 0 or more");
        if (EvotorProductGroupsPerStore < 0) throw new ArgumentOutOfRangeException(nameof(EvotorProductGroupsPerStore), EvotorProductGroupsPerStore, "must be 0 or more");
        if (EvotorDevicesPerStore < 0) throw new ArgumentOutOfRangeException(nameof(EvotorDevicesPerStore), EvotorDevicesPerStore, "must be 0 or more");
        if (EvotorEmployees < 0) throw new ArgumentOutOfRangeException(nameof(EvotorEmployees), EvotorEmployees, "must be 0 or more");
        if (EvotorDocumentsPerStore < 0) throw new ArgumentOutOfRangeException(nameof(EvotorDocumentsPerStore), EvotorDocumentsPerStore, "must be 0 or more");
        if (EvotorBulkTasks < 0) throw new ArgumentOutOfRangeException(nameof(EvotorBulkTasks), EvotorBulkTasks, "must be 0 or more");
        if (EvotorTokens is null || EvotorTokens.Count == 0 || EvotorTokens.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("at least one non-empty Evotor token is needed", nameof(EvotorTokens));
        // The live subset is validated by the settings object itself.
        new EmulatorSettings(this);
    }
}
