using System.Globalization;

namespace ApiTools.Evotor.Requests;

/// <summary>Filters for a document listing. Evotor filters on close_date: since inclusive, until exclusive.</summary>
public sealed class DocumentQuery
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Document types (SELL, PAYBACK, …); none: every type.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>Only the documents of this terminal.</summary>
    public string? DeviceId { get; init; }

    internal List<KeyValuePair<string, string>> ToFilters()
    {
        if (Since is DateTimeOffset s && Until is DateTimeOffset u && s > u)
            throw new ArgumentException($"-Since ({s:O}) is after -Until ({u:O}): no document can match.");
        var filters = new List<KeyValuePair<string, string>>();
        if (Since is DateTimeOffset since) filters.Add(new("since", EpochMs(since)));
        if (Until is DateTimeOffset until) filters.Add(new("until", EpochMs(until)));
        if (Types is { Count: > 0 }) filters.Add(new("type", string.Join(",", Types)));
        return filters;
    }

    internal static string EpochMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
