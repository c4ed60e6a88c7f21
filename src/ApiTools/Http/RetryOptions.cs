namespace ApiTools.Http;

/// <summary>How hard the transport tries before giving up. Defaults follow DESIGN.md:
/// at most 5 requests in all within a 2-minute budget.</summary>
public sealed class RetryOptions
{
    public static RetryOptions Default { get; } = new();

    /// <summary>Requests in all, the first included (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Total time for one logical call, waits included; a retry whose wait would pass it is not made.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>First backoff step when the server gives no hint; doubles per attempt, jittered.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one computed backoff step (a server's Retry-After is honoured as given, within the budget).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One attempt's limit, from sending to the last byte of a buffered body (an error body included). For a
    /// download it is the time to the first byte, and then the longest silence between two reads of its body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How long the body of a download (EnDocs files, Evotor images) may take once its answer began: its
    /// whole-body time, apart from <see cref="AttemptTimeout"/>. A download that passes it is not started again.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public RetryOptions With(int? maxAttempts = null, TimeSpan? budget = null) => new()
    {
        MaxAttempts = maxAttempts ?? MaxAttempts,
        Budget = budget ?? Budget,
        BaseDelay = BaseDelay,
        MaxDelay = MaxDelay,
        AttemptTimeout = AttemptTimeout,
        DownloadTimeout = DownloadTimeout,
    };

    internal void Validate()
    {
        if (MaxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        if (Budget <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Budget), Budget, "The retry budget must be positive.");
        if (AttemptTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "The attempt timeout must be positive.");
        if (DownloadTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(DownloadTimeout), DownloadTimeout, "The download timeout must be positive.");
    }
}
