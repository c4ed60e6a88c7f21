using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.EnDocs.Serialization;
using ApiTools.EnDocs.Models;

namespace ApiTools.EnDocs;

// The "everything after id" lists: no paging, one response that can be hundreds of megabytes, so it
// is parsed while it arrives and each item is yielded as soon as it is complete.
public sealed partial class EnDocsClient
{
    /// <summary>Items the parser may run ahead of the consumer before it stops reading the body.</summary>
    private const int HandOffCapacity = 256;

    /// <summary>Answers in a row that may bring no document not delivered before, before a listing is given up as making
    /// no progress: the first such resume may be a server's hiccup, the second is a pattern.</summary>
    public const int MaxResumesWithoutProgress = 2;

    /// <summary>
    /// Every document of <paramref name="type"/> with an id above <paramref name="afterId"/>, yielded while the body is
    /// still arriving, each exactly once. A fresh RequestId per call. Documents that already carry an ext_ID are left
    /// out by EnDocs itself. Remember the highest id seen for the next incremental call.
    /// <para>Ids should come in order; one that comes later than a higher one (5, 3, 7) is still yielded, with a warning,
    /// never dropped. A body that breaks off after documents were yielded is not sent again as it was (that would repeat
    /// them): the list is asked for again after the last id yielded (after <paramref name="afterId"/> once ids came out
    /// of order, since a late one could be anywhere), and documents already yielded are passed over. Progress is counted
    /// in new documents: when <see cref="MaxResumesWithoutProgress"/> answers in a row bring none (a server that ignores
    /// the after-id, repeats old ids and breaks off), the listing ends with a ProtocolError saying it is incomplete,
    /// never a loop. A failure before the first document of an answer is retried by the transport as for any GET.</para>
    /// </summary>
    public IAsyncEnumerable<EnDocsDocument> GetDocumentsAsync(EnDocsDocumentType type, long afterId = 0, CancellationToken cancellationToken = default)
    {
        if (afterId < 0) throw new ArgumentOutOfRangeException(nameof(afterId), afterId, "AfterId must be 0 or more.");
        return ResumingDocumentsAsync(type, afterId, cancellationToken);
    }

    private async IAsyncEnumerable<EnDocsDocument> ResumingDocumentsAsync(EnDocsDocumentType type, long afterId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var delivered = new DeliveredIds();
        var inOrder = true;
        var idle = 0;
        var resumeAfter = afterId;
        while (true)
        {
            var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.List(type, resumeAfter, Guid.NewGuid()));
            var what = EnDocsModels.ItemName(type);
            var wires = StreamListAsync(request, Tolerant(EnDocsJsonContext.Default.DocumentWire, what), w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            var enumerator = wires.GetAsyncEnumerator(cancellationToken);
            ListBrokenOffException? broken = null;
            var fresh = 0;
            var repeatsInARow = 0;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) yield break;
                    }
                    catch (ListBrokenOffException e)
                    {
                        broken = e;
                        break;
                    }
                    var wire = enumerator.Current;
                    if (wire.Id <= afterId)
                    {
                        Transport.Observer.OnWarning($"EnDocs {type} listing: the server sent documents at or below the id asked after; they were not asked for and are left out.");
                        continue;
                    }
                    var highest = delivered.HighestOr(afterId);
                    if (!delivered.Add(wire.Id))
                    {
                        // Delivered before a resume: never twice. An answer may repeat each delivered id once, no more.
                        if (++repeatsInARow > delivered.Count) throw Repeating(request, type, delivered.Count);
                        continue;
                    }
                    repeatsInARow = 0;
                    if (wire.Id < highest && inOrder)
                    {
                        inOrder = false;
                        Transport.Observer.OnWarning(
                            $"EnDocs {type} listing: the server sent document ids out of order (a lower id after a higher one); every document is " +
                            "still delivered, but a list that breaks off is now asked for again from its start.");
                    }
                    fresh++;
                    yield return EnDocsModels.Document(wire, type, Transport.Observer);
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            idle = fresh == 0 ? idle + 1 : 0;
            if (idle >= MaxResumesWithoutProgress)
                throw NoProgress(request, type, delivered.Count, idle, broken!);
            resumeAfter = inOrder ? delivered.HighestOr(afterId) : afterId;
            Transport.Observer.OnWarning(
                $"EnDocs {request} broke off after {broken!.Delivered} item(s) ({TransientFailure.Describe(broken.InnerException!)}); " +
                $"asking again for the documents after id {resumeAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }

    private static ApiException Repeating(ApiRequest request, EnDocsDocumentType type, int delivered) =>
        new(ServiceName, ApiErrorKind.ProtocolError,
            $"EnDocs {type} listing made no progress: the answer sent more documents in a row that were already delivered than there are " +
            $"({delivered}), so it repeats itself. It stops there, incomplete, rather than read on forever.")
        {
            Method = request.Method.Method,
            Path = request.Path,
        };

    private static ApiException NoProgress(ApiRequest request, EnDocsDocumentType type, int delivered, int answers, ListBrokenOffException last) =>
        new(ServiceName, ApiErrorKind.ProtocolError,
            $"EnDocs {type} listing made no progress: {answers} answers in a row broke off before any document not already delivered " +
            $"(does the server ignore the id asked after?). It stops there, incomplete, after {delivered} document{(delivered == 1 ? "" : "s")}, " +
            $"rather than ask forever. Last: {TransientFailure.Describe(last.InnerException!)}.", last)
        {
            Method = request.Method.Method,
            Path = request.Path,
        };

    /// <summary>
    /// Sends <paramref name="request"/> and yields the list's items while its body arrives. The transport
    /// disposes a response when its read callback returns, so the callback itself parses the stream and
    /// hands items over through a bounded <see cref="ItemHandOff{T}"/>; this iterator takes them out.
    /// Before the first item is handed over, a broken body is retried like any GET. After it, it is not:
    /// a repeat would yield the same items twice, so the failure ends the listing with an ApiException
    /// that names the last item delivered (resume from there with AfterId).
    /// </summary>
    private async IAsyncEnumerable<T> StreamListAsync<T>(ApiRequest request, StreamingListReader<T>.ItemRead read, Func<T, string> describe,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The body's own silences are bounded below (StallWatchStream); its whole length is the user's data.
        request.BodyTimeout = Timeout.InfiniteTimeSpan;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var handOff = new ItemHandOff<T>(HandOffCapacity);
        var producer = Task.Run(() => ProduceAsync(request, read, describe, handOff, stop.Token));
        try
        {
            while (true)
            {
                var (has, item) = await handOff.TakeAsync(stop.Token).ConfigureAwait(false);
                if (!has) break;
                yield return item;
            }
        }
        finally
        {
            // The consumer stopped (Select-Object -First, Ctrl+C) or the list ended: stop reading the body.
            stop.Cancel();
            try { await producer.ConfigureAwait(false); }
            catch (Exception) { /* surfaced through the hand-off, or nobody is listening any more */ }
        }
    }

    private async Task ProduceAsync<T>(ApiRequest request, StreamingListReader<T>.ItemRead read, Func<T, string> describe, ItemHandOff<T> handOff,
        CancellationToken cancellationToken)
    {
        try
        {
            await Transport.SendAsync(request, (response, _) => ReadListAsync(request, response, read, describe, handOff, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            handOff.Complete(null);
        }
        catch (Exception error)
        {
            handOff.Complete(error);
        }
    }

    private async Task<bool> ReadListAsync<T>(ApiRequest request, HttpResponseMessage response, StreamingListReader<T>.ItemRead read, Func<T, string> describe, ItemHandOff<T> handOff,
        CancellationToken cancellationToken)
    {
        // The attempt's token is not used for the body: its time limit would cut off a long listing read by a
        // slow pipeline, and its timeout would be retried, repeating items. Instead the body may stall for at
        // most one attempt timeout between chunks; waiting on the consumer does not count.
        var delivered = 0L;
        string? last = null;
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            // Reading may take one attempt timeout from one item to the next (the consumer's time does not count): a
            // server that trickles bytes without ever finishing an item is cut off like one that falls silent.
            var watched = new StallWatchStream(body, stalled, Connection.Retry.AttemptTimeout, untilRestart: true);
            await new StreamingListReader<T>(read, request).ReadAsync(watched, async item =>
            {
                watched.Restart();
                await handOff.AddAsync(item, cancellationToken).ConfigureAwait(false);
                delivered++;
                last = describe(item);
            }, stalled.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var timeout = new AttemptTimeoutException(Connection.Retry.AttemptTimeout);
            if (delivered == 0) throw timeout;
            throw BrokenOff(request, delivered, last, timeout, ApiErrorKind.Unavailable);
        }
        catch (Exception error) when (delivered > 0 && error is IOException or JsonException or HttpRequestException)
        {
            throw BrokenOff(request, delivered, last, error, error is JsonException ? ApiErrorKind.ProtocolError : ApiErrorKind.Unavailable);
        }
    }

    private static ListBrokenOffException BrokenOff(ApiRequest request, long delivered, string? last, Exception cause, ApiErrorKind kind) =>
        new(ServiceName, kind,
            $"EnDocs {request} broke off after {delivered} item{(delivered == 1 ? "" : "s")} (the last had id {last}): {TransientFailure.Describe(cause)}. " +
            $"Not sent again, so that no item is delivered twice; list again after id {last} to go on.", cause)
        {
            Method = request.Method.Method,
            Path = request.Path,
            Delivered = delivered,
        };

    /// <summary>A streamed list whose body broke off after <see cref="Delivered"/> items were handed out.</summary>
    private sealed class ListBrokenOffException : ApiException
    {
        public ListBrokenOffException(string service, ApiErrorKind kind, string message, Exception inner)
            : base(service, kind, message, inner)
        {
        }

        public long Delivered { get; init; }
    }

    /// <summary>A list item read by <see cref="TolerantReader"/>: a field of an unexpected kind is kept in Extra, with a warning.</summary>
    private StreamingListReader<T>.ItemRead Tolerant<T>(JsonTypeInfo<T> type, string what) where T : class, IKeepsExtra =>
        (ref Utf8JsonReader reader) => TolerantReader.Read(ref reader, type, what, Transport.Observer);
}
