namespace ApiTools.PlanFix;

/// <summary>How a PlanFix connection paces itself and reads dates. Defaults: 1 request a second, 5000 requests a day
/// (the seed's figure), Moscow time (UTC+3), the shared retry defaults.</summary>
public sealed class PlanFixOptions
{
    public static PlanFixOptions Default { get; } = new();

    /// <summary>Client-side rate per account and API key, shared by every runspace of the process (PlanFix allows 1/s).</summary>
    public double RequestsPerSecond { get; init; } = 1;

    /// <summary>The account's daily request plan: the base for "under 10 % left" until the server's header says more.</summary>
    public int DailyQuota { get; init; } = 5000;

    /// <summary>The time zone PlanFix dates (dd-MM-yyyy HH:mm, no offset) are read and written in: the user's zone in PlanFix.</summary>
    public TimeZoneInfo TimeZone { get; init; } = PlanFixDates.Moscow;

    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    internal void Validate()
    {
        if (double.IsNaN(RequestsPerSecond) || RequestsPerSecond <= 0 || RequestsPerSecond > 1000)
            throw new ArgumentOutOfRangeException(nameof(RequestsPerSecond), RequestsPerSecond, "RequestsPerSecond must be above 0 and at most 1000.");
        if (DailyQuota < 1) throw new ArgumentOutOfRangeException(nameof(DailyQuota), DailyQuota, "DailyQuota must be at least 1.");
        if (TimeZone is null) throw new ArgumentNullException(nameof(TimeZone));
        if (Retry is null) throw new ArgumentNullException(nameof(Retry));
        Retry.Validate();
    }
}
