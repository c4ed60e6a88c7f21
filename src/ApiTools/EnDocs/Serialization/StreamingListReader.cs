using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ApiTools.EnDocs.Serialization;

/// <summary>
/// Reads the items of a <c>{"key": n, "value": [ … ]}</c> body (or of a bare <c>[ … ]</c>) from a stream
/// while it arrives: the stream is read in chunks into a buffer, a <see cref="Utf8JsonReader"/> runs over
/// what is there (not the final block, its <see cref="JsonReaderState"/> kept across refills), and each
/// element is deserialized the moment its last byte is in. The buffer only ever holds the unread tail plus
/// one element, growing when a single element is larger than it; a 200 MB list never sits in memory whole.
/// <c>"value": null</c> (EnDocs with sync off) is an empty list. Elements are read by the caller's <see cref="ItemRead"/>
/// (EnDocs' <see cref="TolerantReader"/>: a value of another kind is kept in Extra, never fails the item);
/// a body that ends too soon stays a JsonException (the caller goes on after the last id, or retries), while one that is
/// malformed before its end, or an element no mending makes readable, is refused (<see cref="MalformedBody"/>).
/// </summary>
internal sealed class StreamingListReader<T>
{
    /// <summary>Reads one element from the reader on its first token; null leaves the element out.</summary>
    public delegate T? ItemRead(ref Utf8JsonReader reader);

    private const int InitialBuffer = 64 * 1024;
    private const int MaxElementBytes = (int)EnDocsClient.MaxListElementBytes;

    private readonly ItemRead _read;
    private readonly ApiRequest _request;
    private readonly List<T> _ready = new();
    private long _elements;
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private Phase _phase = Phase.Start;

    /// <summary>Elements read as <paramref name="type"/> says, and nothing else (no mending).</summary>
    public StreamingListReader(JsonTypeInfo<T> type, ApiRequest request)
        : this((ref Utf8JsonReader r) => JsonSerializer.Deserialize(ref r, type), request)
    {
    }

    public StreamingListReader(ItemRead read, ApiRequest request)
    {
        _read = read;
        _request = request;
    }

    private enum Phase { Start, RootMembers, ValueNext, Items, Done }

    /// <summary>The <c>key</c> count the server sent, if any (not trusted for anything but diagnostics).</summary>
    public long? Key { get; private set; }

    /// <summary>Reads the whole body, handing each element to <paramref name="onItem"/> as soon as it is complete.</summary>
    public async Task ReadAsync(Stream stream, Func<T, Task> onItem, CancellationToken cancellationToken)
    {
        var buffer = new byte[InitialBuffer];
        var filled = 0;
        var final = false;
        while (true)
        {
            if (!final)
            {
                var n = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (n == 0) final = true;
                filled += n;
            }

            int consumed;
            try
            {
                consumed = Parse(buffer, filled, final);
            }
            catch (Exception e) when (e is JsonException or ApiException)
            {
                // What was whole before the failure still goes out; then the failure.
                foreach (var item in _ready) await onItem(item).ConfigureAwait(false);
                _ready.Clear();
                if (e is JsonException json && (!final || !EndsTooSoon(buffer, filled)))
                    throw MalformedBody.Refused(EnDocsClient.ServiceName, _request, "a list body", json);
                throw;
            }
            foreach (var item in _ready) await onItem(item).ConfigureAwait(false);
            _ready.Clear();

            if (_phase == Phase.Done) return; // anything after the root object is not read
            if (final) throw new JsonException("The list body ended before its closing brackets (cut short).");

            // Keep the unread tail; make room, growing when one element does not fit the buffer.
            filled -= consumed;
            if (consumed > 0) Buffer.BlockCopy(buffer, consumed, buffer, 0, filled);
            else if (filled == buffer.Length)
            {
                // Not a JsonException: a repeat would be as large, so it is not retried.
                if (buffer.Length >= MaxElementBytes)
                    throw new ApiException(EnDocsClient.ServiceName, ApiErrorKind.ProtocolError,
                        $"EnDocs sent one list element larger than {MaxElementBytes / (1024 * 1024)} MB (one document record needs far less); the list was refused there.");
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    /// <summary>The unread tail, read on from where the last whole step left off, runs out before anything is wrong with it.</summary>
    private bool EndsTooSoon(byte[] buffer, int filled)
    {
        var tail = new ReadOnlySpan<byte>(buffer, 0, filled);
        var reader = new Utf8JsonReader(tail, isFinalBlock: false, _state);
        try
        {
            while (reader.Read()) { }
            // Inside a list or object still, or half way through a token: it stopped too soon. Whole: it is malformed.
            if (reader.CurrentDepth > 0) return true;
            foreach (var b in tail.Slice((int)reader.BytesConsumed))
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return true;
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses what the buffer holds; returns how many bytes are done with (the rest waits for more).</summary>
    private int Parse(byte[] buffer, int filled, bool final)
    {
        var data = new ReadOnlySpan<byte>(buffer, 0, filled);
        var reader = new Utf8JsonReader(data, final, _state);
        var committed = reader; // position and state after the last whole step
        while (_phase != Phase.Done)
        {
            if (!Step(ref reader, data)) break;
            committed = reader;
        }
        _state = committed.CurrentState;
        return (int)committed.BytesConsumed;
    }

    /// <summary>One whole step (a token, a skipped member, an element); false when the buffer ends inside it.</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        switch (_phase)
        {
            case Phase.Start:
                if (!reader.Read()) return false;
                _phase = reader.TokenType switch
                {
                    JsonTokenType.StartObject => Phase.RootMembers,
                    JsonTokenType.StartArray => Phase.Items,
                    _ => throw new JsonException($"Expected a list ({{\"key\":…,\"value\":[…]}}), got {reader.TokenType}."),
                };
                return true;

            case Phase.RootMembers:
                {
                    if (!reader.Read()) return false;
                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        _phase = Phase.Done;
                        return true;
                    }
                    if (reader.ValueTextEquals("value"))
                    {
                        _phase = Phase.ValueNext;
                        return true;
                    }
                    var isKey = reader.ValueTextEquals("key");
                    // Any other member is skipped whole, or not at all until it is all in the buffer.
                    if (!reader.Read() || !reader.TrySkip()) return false;
                    if (isKey && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var key)) Key = key;
                    return true;
                }

            case Phase.ValueNext:
                if (!reader.Read()) return false;
                if (reader.TokenType == JsonTokenType.Null) _phase = Phase.RootMembers;
                else if (reader.TokenType == JsonTokenType.StartArray) _phase = Phase.Items;
                else throw new JsonException($"Expected \"value\" to be a list or null, got {reader.TokenType}.");
                return true;

            case Phase.Items:
                {
                    if (!reader.Read()) return false;
                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        // A bare array ends the body; a "value" array returns to the root's members.
                        _phase = reader.CurrentDepth == 0 ? Phase.Done : Phase.RootMembers;
                        return true;
                    }
                    var start = reader; // on the element's first token
                    if (!reader.TrySkip()) return false; // the element is not all here yet
                    _elements++;
                    T? item;
                    try
                    {
                        item = _read(ref start);
                    }
                    catch (Exception e) when (e is JsonException or InvalidOperationException)
                    {
                        // The element came whole: asking again would give the same bytes.
                        throw MalformedBody.Refused(EnDocsClient.ServiceName, _request, $"list element {_elements}", e as JsonException ?? new JsonException(e.Message, e));
                    }
                    if (item is not null) _ready.Add(item); // a null element carries nothing to yield (or was left out, with a warning)

                    return true;
                }

            default:
                return false;
        }
    }
}
