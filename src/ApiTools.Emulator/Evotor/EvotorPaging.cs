using System.Buffers.Text;
using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor's cursor paging, shared by every list endpoint: <c>{"items":[…],"paging":{"next_cursor":"…"}}</c>,
/// <c>"paging":{}</c> on the last page. The cursor is keyset-based (the last id served), so items
/// created or deleted between pages neither shift nor repeat the rest; it also carries the first
/// request's limit and filters, since Evotor takes filters on the first request only.
/// </summary>
internal static class EvotorPaging
{
    /// <summary>The contract's largest page: a limit above it is the client's mistake (400). A smaller
    /// configured page size only shrinks pages (tests use it to get many pages from little data).</summary>
    public const int ContractMaxPageSize = 1000;

    public static Task WritePageAsync<T>(
        HttpContext context,
        IReadOnlyList<T> itemsSortedById,
        Func<T, string> idOf,
        Action<Utf8JsonWriter, T> writeItem,
        int maxPageSize,
        PageFilter<T>? filter = null,
        Func<T, bool>? scope = null) =>
        WritePageAsync(context, new ListPageSource<T>(itemsSortedById, idOf), writeItem, maxPageSize, filter, scope);

    /// <summary>
    /// Writes one page. <paramref name="filter"/> names the query filters the endpoint takes: read from
    /// the first request, validated (400 with a violation per bad parameter), then carried by the cursor;
    /// with a cursor, filters in the query are ignored. <paramref name="scope"/> is a fixed condition of
    /// the route (e.g. one device's documents). Finding the page start is a binary search; filtered-out
    /// items are skipped as the page fills, and the scan ahead stops at the first further match.
    /// </summary>
    public static async Task WritePageAsync<T>(
        HttpContext context,
        IPageSource<T> source,
        Action<Utf8JsonWriter, T> writeItem,
        int maxPageSize,
        PageFilter<T>? filter = null,
        Func<T, bool>? scope = null)
    {
        var query = context.Request.Query;
        var violations = new List<Violation>();

        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (int.TryParse(limitText.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                && parsed >= 1 && parsed <= ContractMaxPageSize)
                limit = parsed;
            else
                violations.Add(new($"должно находиться в диапазоне от 1 до {ContractMaxPageSize}", "limit"));
        }

        string? incomingCursor = null;
        PageCursor? cursor = null;
        if (query.TryGetValue("cursor", out var cursorText))
        {
            incomingCursor = cursorText.ToString();
            cursor = PageCursor.TryDecode(incomingCursor);
            if (cursor is null) violations.Add(new("некорректное значение курсора", "cursor"));
        }

        Dictionary<string, string>? filterValues = null;
        Func<T, bool>? match = scope;
        if (filter is not null && (cursor is not null || incomingCursor is null))
        {
            if (cursor is not null)
            {
                filterValues = cursor.Filters is null ? null : new(cursor.Filters, StringComparer.Ordinal);
            }
            else
            {
                foreach (var name in filter.Names)
                    if (query.TryGetValue(name, out var value))
                        (filterValues ??= new(StringComparer.Ordinal))[name] = value.ToString();
            }
            var filterViolations = new List<Violation>();
            var predicate = filter.Compile(filterValues ?? [], filterViolations);
            // A cursor only carries values that passed validation; anything else means it was tampered with.
            if (cursor is not null && filterViolations.Count > 0) violations.Add(new("некорректное значение курсора", "cursor"));
            else violations.AddRange(filterViolations);
            if (predicate is not null) match = match is null ? predicate : item => scope!(item) && predicate(item);
        }

        if (violations.Count > 0)
        {
            await EvotorJson.WriteErrorAsync(context, 400, "validation_failed", "validation failed for specified payload", violations);
            return;
        }

        // A limit given with the cursor wins, else the first request's; either way capped by the configured page size.
        var pageSize = Math.Min(limit ?? cursor?.Limit ?? maxPageSize, maxPageSize);
        var count = source.Count;
        // The IgnorePaging fault: every page is the first, handed out with a cursor never seen before.
        var ignorePaging = context.Features.Get<Infrastructure.IgnorePagingFault>() is not null;
        var index = cursor is null || ignorePaging ? 0 : FirstAfter(source, cursor.After);
        var page = new List<T>(Math.Min(pageSize, 1024));
        var lastIndex = -1;
        for (; index < count && page.Count < pageSize; index++)
        {
            var item = source.ItemAt(index);
            if (match is not null && !match(item)) continue;
            page.Add(item);
            lastIndex = index;
        }
        var more = false;
        if (match is null) more = index < count;
        else
            for (; index < count && !more; index++) more = match(source.ItemAt(index));

        string? nextCursor = more && lastIndex >= 0
            ? new PageCursor(source.IdAt(lastIndex), cursor?.Limit ?? limit, filterValues).Encode()
            : null;
        if (context.Features.Get<Infrastructure.RepeatCursorFault>() is not null) nextCursor = incomingCursor;
        if (ignorePaging && lastIndex >= 0)
            nextCursor = new PageCursor(source.IdAt(lastIndex), cursor?.Limit ?? limit, filterValues) { Nonce = Guid.NewGuid().ToString("N") }.Encode();

        await EvotorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in page) writeItem(writer, item);
            writer.WriteEndArray();
            writer.WriteStartObject("paging");
            if (nextCursor is not null) writer.WriteString("next_cursor", nextCursor);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>Index of the first item whose id sorts after <paramref name="after"/> (binary search).</summary>
    private static int FirstAfter<T>(IPageSource<T> items, string after)
    {
        var at = SortedById.Search(0, items.Count, items.IdAt, after);
        return at >= 0 ? at + 1 : ~at;
    }
}

/// <summary>
/// The query filters a list takes: their names, and a compiler that validates the raw values (adding
/// violations) and returns the condition, or null when no filter applies.
/// </summary>
internal sealed class PageFilter<T>(
    IReadOnlyList<string> names,
    Func<IReadOnlyDictionary<string, string>, List<Violation>, Func<T, bool>?> compile)
{
    public IReadOnlyList<string> Names => names;
    public Func<T, bool>? Compile(IReadOnlyDictionary<string, string> values, List<Violation> violations) => compile(values, violations);
}

/// <summary>What a next_cursor stands for. Opaque to clients: base64url of a small JSON object.</summary>
internal sealed record PageCursor(string After, int? Limit, IReadOnlyDictionary<string, string>? Filters = null)
{
    /// <summary>Makes an otherwise equal cursor new (the IgnorePaging fault); not read back.</summary>
    public string? Nonce { get; init; }

    public string Encode()
    {
        var payload = new Payload { A = After, L = Limit, F = Filters is { Count: > 0 } ? new(Filters, StringComparer.Ordinal) : null, N = Nonce };
        var json = JsonSerializer.SerializeToUtf8Bytes(payload, CursorJsonContext.Default.Payload);
        return Base64Url.EncodeToString(json);
    }

    public static PageCursor? TryDecode(string text)
    {
        try
        {
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), CursorJsonContext.Default.Payload);
            if (payload?.A is null || payload.L is < 1) return null;
            return new PageCursor(payload.A, payload.L, payload.F);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    internal sealed class Payload
    {
        public string? A { get; set; }
        public int? L { get; set; }
        public Dictionary<string, string>? F { get; set; }
        public string? N { get; set; }
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PageCursor.Payload))]
internal sealed partial class CursorJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
