using System.Globalization;

namespace ApiTools.Emulator.Evotor;

/// <summary>The query filters of Evotor's lists, validated the way Evotor answers: 400 with a violation naming the parameter.</summary>
internal static class EvotorFilters
{
    /// <summary>Document types the reference lists (the contract's and POS_OPEN_SESSION); any other value of <c>type</c> is a 400.</summary>
    public static readonly IReadOnlySet<string> DocumentTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "OPEN_SESSION", "CLOSE_SESSION", "POS_OPEN_SESSION", "CASH_INCOME", "CASH_OUTCOME", "INVENTORY", "ACCEPT", "REVALUATION", "WRITE_OFF",
        "RETURN", "OPEN_TARE", "SELL", "PAYBACK", "BUY", "BUYBACK", "X_REPORT", "Z_REPORT",
    };

    public static readonly IReadOnlySet<string> BulkTypes = new HashSet<string>(StringComparer.Ordinal) { "product", "product-group" };

    public static readonly IReadOnlySet<string> BulkStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "ACCEPTED", "RUNNING", "COMPLETED", "FAILED", "DECLINED",
    };

    /// <summary><c>since</c> (inclusive), <c>until</c> (exclusive): epoch milliseconds of <c>close_date</c>; <c>type</c>: comma list.</summary>
    public static readonly PageFilter<SeedDocument> Documents = new(["since", "until", "type"], (values, violations) =>
    {
        var since = EpochMs(values, "since", violations);
        var until = EpochMs(values, "until", violations);
        if (since is not null && until is not null && since > until)
            violations.Add(new("должно быть не больше until", "since"));
        var types = OneOf(values, "type", DocumentTypes, "неизвестный тип документа", violations);
        if (since is null && until is null && types is null) return null;
        return d =>
        {
            var ms = d.CloseDate.ToUnixTimeMilliseconds();
            return (since is null || ms >= since) && (until is null || ms < until) && (types is null || types.Contains(d.Type));
        };
    });

    /// <summary><c>since</c>: epoch milliseconds; products whose <c>updated_at</c> is at or after it.</summary>
    public static readonly PageFilter<SeedProduct> Products = new(["since"], (values, violations) =>
    {
        var since = EpochMs(values, "since", violations);
        return since is null ? null : p => p.UpdatedAt.ToUnixTimeMilliseconds() >= since;
    });

    /// <summary><c>type</c>: comma list of product, product-group; <c>status</c>: comma list of task statuses.</summary>
    public static readonly PageFilter<SeedBulkTask> Bulks = new(["type", "status"], (values, violations) =>
    {
        var types = OneOf(values, "type", BulkTypes, "неизвестный тип задачи", violations);
        var statuses = OneOf(values, "status", BulkStatuses, "неизвестный статус задачи", violations);
        if (types is null && statuses is null) return null;
        return t => (types is null || types.Contains(t.Type)) && (statuses is null || statuses.Contains(t.Status));
    });

    private static long? EpochMs(IReadOnlyDictionary<string, string> values, string name, List<Violation> violations)
    {
        if (!values.TryGetValue(name, out var text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            return ms;
        violations.Add(new("должно быть целым числом миллисекунд с 1970-01-01T00:00:00Z", name));
        return null;
    }

    private static HashSet<string>? OneOf(IReadOnlyDictionary<string, string> values, string name, IReadOnlySet<string> allowed,
        string reason, List<Violation> violations)
    {
        if (!values.TryGetValue(name, out var text)) return null;
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            violations.Add(new("не должно быть пустым", name));
            return null;
        }
        var unknown = items.Where(i => !allowed.Contains(i)).ToList();
        if (unknown.Count > 0)
        {
            violations.Add(new($"{reason}: {string.Join(", ", unknown)}; допустимо: {string.Join(", ", allowed)}", name));
            return null;
        }
        return new HashSet<string>(items, StringComparer.Ordinal);
    }
}
