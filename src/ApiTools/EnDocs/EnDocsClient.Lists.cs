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

    /// <summary>
    /// Every document of <paramref name="type"/> with an id above <paramref name="afterId"/>, in id order,
    /// yielded while the body is still arriving. A fresh RequestId per call. Documents that already carry an
    /// ext_ID are left out by EnDocs itself. Remember the highest id seen for the next incremental call.
    /// <para>A body that breaks off after documents were yielded is not sent again as it was (that would repeat
    /// them): the list is asked for again after the last id yielded, which is the API's own incremental rule, and
    /// any document at or below that id in the new answer is passed over. Each such resume has made progress, so
    /// it ends; a failure before the first document of an answer is retried by the transport as for any GET.</para>
    /// </summary>
    public IAsyncEnumerable<EnDocsDocument> GetDocumentsAsync(EnDocsDocumentType type, long afterId = 0, CancellationToken cancellationToken = default)
    {
        if (afterId < 0) throw new ArgumentOutOfRangeException(nameof(afterId), afterId, "AfterId must be 0 or more.");
        return ResumingDocumentsAsync(type, afterId, cancellationToken);
    }

    private async IAsyncEnumerable<EnDocsDocument> ResumingDocumentsAsync(EnDocsDocumentType type, long afterId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var last = afterId;
        while (true)
        {
            var request = new ApiRequest(HttpMethod.Get, EnDocsRoutes.List(type, last, Guid.NewGuid()));
            var what = EnDocsModels.ItemName(type);
            var wires = StreamListAsync(request, Tolerant(EnDocsJsonContext.Default.DocumentWire, what), w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            var enumerator = wires.GetAsyncEnumerator(cancellationToken);
            ListBrokenOffException? broken = null;
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
                    if (wire.Id <= last) continue; // already yielded before a resume (or out of order): never twice
                    last = wire.Id;
                    yield return EnDocsModels.Document(wire, type, Transport.Observer);
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            Transport.Observer.OnWarning(
                $"EnDocs {request} broke off after {broken!.Delivered} item(s) ({TransientFailure.Describe(broken.InnerException!)}); " +
                $"asking again for the documents after id {last.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }

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
            var watched = new StallWatchStream(body, stalled, Connection.Retry.AttemptTimeout);
            await new StreamingListReader<T>(read).ReadAsync(watched, async item =>
            {
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
