using System.Buffers.Text;
using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor's cursor paging, shared by every list endpoint: <c>{"items":[…],"paging":{"next_cursor":"…"}}</c>,
/// <c>"paging":{}</c> on the last page. The cursor is keyset-based (the last id served), so items
/// created or deleted between pages neither shift nor repeat the rest; it also carries the first
/// request's limit (and, for later endpoints, its filters), since Evotor takes filters on the first
/// request only.
/// </summary>
internal static class EvotorPaging
{
    /// <summary>The contract's largest page: a limit above it is the client's mistake (400). A smaller
    /// configured page size only shrinks pages (tests use it to get many pages from little data).</summary>
    public const int ContractMaxPageSize = 1000;

    public static async Task WritePageAsync<T>(
        HttpContext context,
        IReadOnlyList<T> itemsSortedById,
        Func<T, string> idOf,
        Action<Utf8JsonWriter, T> writeItem,
        int maxPageSize)
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

        if (violations.Count > 0)
        {
            await EvotorJson.WriteErrorAsync(context, 400, "validation_failed", "validation failed for specified payload", violations);
            return;
        }

        // A limit given with the cursor wins, else the first request's; either way capped by the configured page size.
        var pageSize = Math.Min(limit ?? cursor?.Limit ?? maxPageSize, maxPageSize);
        var start = cursor is null ? 0 : FirstAfter(itemsSortedById, idOf, cursor.After);
        var end = Math.Min(start + pageSize, itemsSortedById.Count);

        string? nextCursor = end < itemsSortedById.Count
            ? new PageCursor(idOf(itemsSortedById[end - 1]), cursor?.Limit ?? limit).Encode()
            : null;
        if (context.Features.Get<Infrastructure.RepeatCursorFault>() is not null) nextCursor = incomingCursor;

        await EvotorJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            for (var i = start; i < end; i++) writeItem(writer, itemsSortedById[i]);
            writer.WriteEndArray();
            writer.WriteStartObject("paging");
            if (nextCursor is not null) writer.WriteString("next_cursor", nextCursor);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>Index of the first item whose id sorts after <paramref name="after"/> (binary search).</summary>
    private static int FirstAfter<T>(IReadOnlyList<T> items, Func<T, string> idOf, string after)
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (string.CompareOrdinal(idOf(items[mid]), after) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}

/// <summary>What a next_cursor stands for. Opaque to clients: base64url of a small JSON object.</summary>
internal sealed record PageCursor(string After, int? Limit)
{
    public string Encode()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload { A = After, L = Limit }, CursorJsonContext.Default.Payload);
        return Base64Url.EncodeToString(json);
    }

    public static PageCursor? TryDecode(string text)
    {
        try
        {
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(text), CursorJsonContext.Default.Payload);
            if (payload?.A is null || payload.L is < 1) return null;
            return new PageCursor(payload.A, payload.L);
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
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
[System.Text.Json.Serialization.JsonSerializable(typeof(PageCursor.Payload))]
internal sealed partial class CursorJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
