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
            var wires = StreamListAsync(request, EnDocsJsonContext.Default.DocumentWire, w => w.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
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
                    yield return ToModel(wire, type);
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
    private async IAsyncEnumerable<T> StreamListAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Func<T, string> describe,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var handOff = new ItemHandOff<T>(HandOffCapacity);
        var producer = Task.Run(() => ProduceAsync(request, type, describe, handOff, stop.Token));
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

    private async Task ProduceAsync<T>(ApiRequest request, JsonTypeInfo<T> type, Func<T, string> describe, ItemHandOff<T> handOff,
        CancellationToken cancellationToken)
    {
        try
        {
            await Transport.SendAsync(request, (response, _) => ReadListAsync(request, response, type, describe, handOff, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            handOff.Complete(null);
        }
        catch (Exception error)
        {
            handOff.Complete(error);
        }
    }

    private async Task<bool> ReadListAsync<T>(ApiRequest request, HttpResponseMessage response, JsonTypeInfo<T> type, Func<T, string> describe, ItemHandOff<T> handOff,
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
            await new StreamingListReader<T>(type, request, ReadNotes.For<T>(ServiceName, Transport.Observer)).ReadAsync(watched, async item =>
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

    private static EnDocsDocument ToModel(DocumentWire w, EnDocsDocumentType type)
    {
        var d = type == EnDocsDocumentType.Contract
            ? new EnDocsContract { ContractType = w.Type, ValidityPeriod = w.ValidityPeriod, Subject = w.Subject }
            : new EnDocsDocument();
        d.Id = w.Id; d.Type = type; d.DocTypeId = w.DocTypeId; d.PackageId = w.PackageId; d.Source = w.Source;
        d.DocNumber = w.DocNumber; d.DocDate = w.DocDate; d.Amount = w.Amount; d.AmountWithoutVat = w.AmountWoVat;
        d.AmountToPay = w.AmountToPay; d.Vat = w.Vat; d.Currency = w.Currency; d.Operation = w.Operation; d.State = w.State;
        d.Signed = w.Signed; d.Paid = w.Paid; d.Comment = w.Comment; d.ExtId = w.ExtId; d.Name = w.Name;
        d.ContractorId = w.Contractor?.Id; d.ContractorName = w.Contractor?.Name; d.ContractorFullName = w.Contractor?.FullName;
        d.ContractorInn = w.Contractor?.Inn; d.ContractorKpp = w.Contractor?.Kpp; d.ContractorExtId = w.Contractor?.ExtId;
        d.OrganizationId = w.Organization?.Id; d.OrganizationName = w.Organization?.Name; d.OrganizationInn = w.Organization?.Inn;
        d.OrganizationKpp = w.Organization?.Kpp;
        d.Contract = w.Contract; d.Project = w.Project; d.Employee = w.Employee; d.Department = w.Department; d.TablePart = w.TablePart;
        d.PaymentDate = w.PaymentDate; d.PaymentNumber = w.PaymentNumber; d.EdiId = w.EdiId; d.EdiState = w.EdiState;
        d.EdiProvider = w.EdiProvider; d.Created = w.Created; d.Modified = w.Modified;
        if (type != EnDocsDocumentType.Contract)
        {
            // Contract-only members on another list are kept, not dropped.
            if (w.Subject is not null) (w.Extra ??= new ExtraFields())["subject"] = JsonString(w.Subject);
        }
        d.Extra = w.Extra;
        return d;
    }

    private static JsonElement JsonString(string text)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(text, EnDocsJsonContext.Default.String));
        return doc.RootElement.Clone();
    }
}
