using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.Paging;

namespace ApiTools.Evotor.Serialization;

/// <summary>
/// One Evotor list page, <c>{"items":[…],"paging":{"next_cursor":"…"}}</c>, received whole into a pooled buffer
/// and then turned into items one at a time as the pager hands them out.
/// <para>Why: the next cursor comes after the items, so with a parse-then-yield page the next request could only
/// start once this page was fully parsed, and fetch and parse ran strictly in turn. Here the body is read and its
/// shape checked in one quick pass inside the transport attempt (so a body that breaks off or is not JSON is
/// retried like any transient failure, before any item is handed out), which yields the item count and the next
/// cursor; the per-item parse then runs on the consumer's side while the next page is fetched.</para>
/// </summary>
internal sealed class EvotorPageReader<T> : PageItemReader<T>
{
    private const int MinBuffer = 16 * 1024;

    private readonly JsonTypeInfo<T> _type;
    private readonly ItemRead<T>? _read;
    private readonly ItemReading _reading;
    private readonly ApiRequest _request;
    private readonly int _count;
    private byte[]? _buffer;
    private int[]? _bounds; // item i spans [_bounds[2i], _bounds[2i+1]) of _buffer

    private EvotorPageReader(byte[] buffer, int[] bounds, int count, JsonTypeInfo<T> type, ItemRead<T>? read, ItemReading reading, ApiRequest request)
    {
        _read = read;
        _reading = reading;
        _buffer = buffer;
        _bounds = bounds;
        _count = count;
        _type = type;
        _request = request;
    }

    public override int Count => _count;

    /// <summary>Reads <paramref name="response"/>'s body whole and checks its shape (inside the transport attempt).</summary>
    /// <param name="read">A hand-written reader for the item type that gives what the tolerant reading of <paramref name="type"/>
    /// gives, faster (null: <see cref="TolerantJson"/>).</param>
    /// <param name="reading">How items are read when <paramref name="read"/> is null: the notes that hear what was mended, and
    /// whether to mend always (types whose variants never make the serializer refuse, such as wrapped list elements).</param>
    public static async Task<Page<T>> ReadAsync(HttpResponseMessage response, JsonTypeInfo<T> type, ItemRead<T>? read, ItemReading reading, ApiRequest request,
        CancellationToken cancellationToken)
    {
        var (buffer, length) = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        try
        {
            return Open(buffer, length, type, read, reading, request);
        }
        catch (JsonException e)
        {
            // Cut off on its way: retried. Whole but not a list page: refused, and the same bytes would come again.
            var refused = MalformedBody.Classify(EvotorClient.ServiceName, request, new ReadOnlySpan<byte>(buffer, 0, length), e, "a list page");
            ArrayPool<byte>.Shared.Return(buffer);
            if (ReferenceEquals(refused, e)) throw;
            throw refused;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Checks the page's shape in one pass over the bytes: finds where each item lies and reads the next cursor.</summary>
    internal static Page<T> Open(byte[] buffer, int length, JsonTypeInfo<T> type, ItemRead<T>? read, ApiRequest request) =>
        Open(buffer, length, type, read, ItemReading.Quiet, request);

    /// <inheritdoc cref="Open(byte[], int, JsonTypeInfo{T}, ItemRead{T}?, ApiRequest)"/>
    internal static Page<T> Open(byte[] buffer, int length, JsonTypeInfo<T> type, ItemRead<T>? read, ItemReading reading, ApiRequest request)
    {
        int[]? bounds = null;
        try
        {
            return OpenCore(buffer, 0, length, type, read, reading, request, ref bounds);
        }
        catch
        {
            if (bounds is not null) ArrayPool<int>.Shared.Return(bounds);
            throw;
        }
    }

    /// <summary>Reads the page in <c>buffer[start..end)</c>: its items' bounds (absolute in the buffer) and its next cursor.</summary>
    private static Page<T> OpenCore(byte[] buffer, int start, int end, JsonTypeInfo<T> type, ItemRead<T>? read, ItemReading reading, ApiRequest request,
        ref int[]? bounds)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, end - start), isFinalBlock: true, state: default);
        if (!reader.Read()) throw new JsonException("An Evotor list page is empty.");
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            // A list, not a page: of one page (as the documentation printed the bulk tasks' page), or of the items themselves.
            var listed = Items(ref reader, start, ref bounds);
            if (reader.Read()) throw new JsonException("An Evotor list page has something after its closing bracket.");
            if (listed == 1 && IsPage(buffer, bounds![0], bounds[1])) return OpenCore(buffer, bounds[0], bounds[1], type, read, reading, request, ref bounds);
            return Made(buffer, listed, null, type, read, reading, request, ref bounds);
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("An Evotor list page is not a JSON object.");
        var count = 0;
        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8))
            {
                reader.Read();
                count = 0;
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("An Evotor list page's \"items\" is not an array.");
                count = Items(ref reader, start, ref bounds);
            }
            else if (reader.ValueTextEquals("paging"u8))
            {
                reader.Read();
                next = null;
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("An Evotor list page's \"paging\" is not an object.");
                string? cursor = null; // "cursor", as the documentation once printed "next_cursor"
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isNext = reader.ValueTextEquals("next_cursor"u8);
                    var isCursor = reader.ValueTextEquals("cursor"u8);
                    reader.Read();
                    if (!isNext && !isCursor) reader.Skip();
                    else if (isNext) next = Cursor(ref reader);
                    else cursor = Cursor(ref reader);
                }
                next ??= cursor;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // Whatever follows the root object is refused, as the serializer refuses it.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            throw new JsonException("An Evotor list page has something after its closing brace.");
        return Made(buffer, count, next, type, read, reading, request, ref bounds);
    }

    /// <summary>Records where each element of the array the reader is on lies (absolute offsets: <paramref name="start"/>
    /// is where the reader's span begins); leaves the reader on the array's end. Returns how many there are.</summary>
    private static int Items(ref Utf8JsonReader reader, int start, ref int[]? bounds)
    {
        var count = 0;
        bounds ??= ArrayPool<int>.Shared.Rent(2 * EvotorClient.MaxPageSize);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (2 * count + 2 > bounds.Length)
            {
                var larger = ArrayPool<int>.Shared.Rent(bounds.Length * 2);
                Array.Copy(bounds, larger, 2 * count);
                ArrayPool<int>.Shared.Return(bounds);
                bounds = larger;
            }
            bounds[2 * count] = start + (int)reader.TokenStartIndex;
            reader.Skip();
            bounds[2 * count + 1] = start + (int)reader.BytesConsumed;
            count++;
        }
        return count;
    }

    /// <summary>True when <c>buffer[start..end)</c> is an object with an <c>items</c> member: a page, not an item.</summary>
    private static bool IsPage(byte[] buffer, int start, int end)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, end - start), isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("items"u8)) return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }

    /// <summary>The page over the recorded items; an empty one lets go of the buffers at once.</summary>
    private static Page<T> Made(byte[] buffer, int count, string? next, JsonTypeInfo<T> type, ItemRead<T>? read, ItemReading reading, ApiRequest request,
        ref int[]? bounds)
    {
        if (count == 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (bounds is not null) ArrayPool<int>.Shared.Return(bounds);
            bounds = null;
            return new Page<T>(Array.Empty<T>(), next);
        }
        return new Page<T>(new EvotorPageReader<T>(buffer, bounds!, count, type, read, reading, request), next);
    }

    /// <summary>A cursor as text: a number is taken as written; null is none; anything else is not a cursor.</summary>
    private static string? Cursor(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
        _ => throw new JsonException("An Evotor list page's \"next_cursor\" is not text."),
    };

    public override T ReadNext()
    {
        var bytes = NextElement();
        T item;
        try
        {
            if (_read is null)
            {
                // Over exactly the item's bytes: no second pass to find where the item ends.
                item = TolerantJson.Read(bytes, _type, _reading.Notes, _reading.AlwaysMend);
            }
            else
            {
                var reader = new Utf8JsonReader(bytes);
                reader.Read();
                item = _read(ref reader);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // InvalidOperationException: text that is not UTF-8 (the serializer reports that as JSON too).
            // The bytes arrived whole and are well-formed JSON: asking again would give the same item.
            throw MalformedBody.Refused(EvotorClient.ServiceName, _request, $"item {Position + 1} of {_count} on the page",
                e as JsonException ?? new JsonException(e.Message, e));
        }
        Advance();
        return item;
    }

    public override void SkipNext()
    {
        _ = NextElement();
        Advance();
    }

    public override void Dispose()
    {
        var buffer = _buffer;
        var bounds = _bounds;
        _buffer = null;
        _bounds = null;
        if (buffer is not null) ArrayPool<byte>.Shared.Return(buffer);
        if (bounds is not null) ArrayPool<int>.Shared.Return(bounds);
    }

    /// <summary>The bytes of the next item.</summary>
    private ReadOnlySpan<byte> NextElement()
    {
        if (_buffer is null || _bounds is null) throw new ObjectDisposedException(nameof(EvotorPageReader<T>));
        if (Position >= _count) throw new InvalidOperationException($"The page holds {_count} items; all were read.");
        var start = _bounds[2 * Position];
        return new ReadOnlySpan<byte>(_buffer, start, _bounds[2 * Position + 1] - start);
    }

    private void Advance()
    {
        Position++;
        if (Position == _count) Dispose(); // nothing more to read: the buffers go back at once
    }

    /// <summary>The whole body in a pooled buffer (the caller returns it); sized from Content-Length when given, and
    /// within the cap on Evotor answers (<see cref="EvotorClient.MaxAnswerBytes"/>).</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await ResponseLimits.OpenAsync(response, EvotorClient.MaxAnswerBytes, EvotorClient.ServiceName).ConfigureAwait(false);
        var declared = response.Content.Headers.ContentLength;
        // One byte over the declared length, so the end of the body is seen without growing the buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(declared is long d and > 0 and <= EvotorClient.MaxAnswerBytes ? (int)d + 1 : MinBuffer);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var n = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                length += n;
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

/// <summary>How a page's items are read: who hears the fields read another way (null: nobody), and whether to mend every
/// item before reading it (<see cref="TolerantJson.Read"/>).</summary>
internal sealed record ItemReading(ReadNotes? Notes, bool AlwaysMend = false)
{
    public static readonly ItemReading Quiet = new(Notes: null);
}

/// <summary>Reads one item at the reader's current token (the first of the item), leaving the reader on its last.</summary>
internal delegate T ItemRead<T>(ref Utf8JsonReader reader);
