using System.Globalization;
using System.Text.Json;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// EnDocs' routes, each mapped twice: under /endocs (the public docs' <c>/{controller}/{action}</c>) and under
/// /endocs/api (the backend code's <c>/api/{controller}/{action}</c>); both count under the first route key.
/// Auth, throttling, latency and faults have run when a handler starts.
/// </summary>
internal sealed partial class EnDocsEndpoints(EnDocsSeed seed, EmulatorSettings settings, TimeProvider time)
{
    /// <summary>Flush the response once this much is buffered: big lists go out as they are written.</summary>
    private const int FlushThreshold = 32 * 1024;

    public void Map(RouteGroupBuilder group)
    {
        Get(group, "/Output/GetClientInfo", ClientInfoAsync);
        Get(group, "/Output/GetClientUsers", ClientUsersAsync);
        Get(group, "/Output/GetNewContracts/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Contract));
        Get(group, "/Output/GetNewInvoices/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Invoice));
        Get(group, "/Output/GetNewInputs/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Input));
        Get(group, "/Output/GetNonFormDoc/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.NonForm));
        Get(group, "/File/GetFileByExtIntId/{id}/{settname}", FileByExtIntIdAsync);
        Get(group, "/File/GetMetaFileById/{id}", c => FileByIntIdAsync(c, IsMetadata));
        Get(group, "/File/GetContractFileById/{id}", c => FileByIntIdAsync(c, d => d.Kind == EnDocsDocumentKind.Contract));
        Get(group, "/File/GetFileByExtId/{id}", FileByExtIdAsync);
        MapWrites(group);
        // Anything else under /endocs still passes auth and counting, then gets a 404 as ASP.NET gives one (no body).
        group.Map("/{**path}", c =>
        {
            c.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
    }

    private static void Get(RouteGroupBuilder group, string template, RequestDelegate handler) => Both(group, HttpMethods.Get, template, handler);

    private static void Post(RouteGroupBuilder group, string template, RequestDelegate handler) => Both(group, HttpMethods.Post, template, handler);

    private static void Both(RouteGroupBuilder group, string method, string template, RequestDelegate handler)
    {
        group.MapMethods(template, [method], handler);
        group.MapMethods("/api" + template, [method], handler).WithMetadata(new RouteKeyAlias("/endocs" + template));
    }

    private Task ClientInfoAsync(HttpContext context) =>
        EnDocsJson.WriteAsync(context, 200, w => EnDocsJson.WriteAccount(w, seed.Account, seed.Users.Count(u => !u.Blocked), seed.StartedAt.AddYears(-2)));

    /// <summary>A bare array of users (not the key/value envelope of the document lists).</summary>
    private Task ClientUsersAsync(HttpContext context) =>
        EnDocsJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (var u in seed.Users) EnDocsJson.WriteUser(w, u);
            w.WriteEndArray();
        });

    /// <summary>
    /// <c>{"key":count,"value":[…]}</c>, streamed: the count is worked out first without making documents,
    /// then each document is written and the response flushed every <see cref="FlushThreshold"/> bytes.
    /// </summary>
    private async Task ListAsync(HttpContext context, EnDocsDocumentKind kind)
    {
        // DocId is an int in the backend's route (ids are int64, though); anything else is ASP.NET's 400. RequestId is any
        // text, only logged.
        if (!long.TryParse(Route(context, "docId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var afterId))
        {
            await EnDocsJson.WriteProblemAsync(context, "DocId", Route(context, "docId"));
            return;
        }
        if (settings.EnDocsSyncOff)
        {
            await EnDocsJson.WriteAsync(context, 200, w =>
            {
                w.WriteStartObject();
                w.WriteNumber("key", 0);
                w.WriteNull("value");
                w.WriteEndObject();
            });
            return;
        }

        // Faults: IgnorePaging lists from the start whatever the after-id; OutOfOrder swaps neighbours (2, 1, 4, 3…).
        if (context.Features.Get<IgnorePagingFault>() is not null) afterId = 0;
        var documents = Listed(kind, afterId, context.Features.Get<OutOfOrderFault>() is not null, out var count);
        var contractors = seed.ContractorLookup();
        var organizations = seed.Organizations.ToDictionary(o => o.Id);
        var cutAt = context.Features.Get<TruncateBodyFault>() is null ? -1 : count / 2;

        await StreamAsync(context, async writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("key", count);
            writer.WriteStartArray("value");
            var written = 0;
            foreach (var document in documents)
            {
                if (written == cutAt) return false;
                EnDocsJson.WriteDocument(writer, document,
                    document.ContractorId is { } c ? contractors.GetValueOrDefault(c) : null,
                    document.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null,
                    kind == EnDocsDocumentKind.NonForm ? seed.FilesOf(document.Id)?.FirstOrDefault() : null);
                written++;
                if (writer.BytesPending >= FlushThreshold) await writer.FlushAsync(context.RequestAborted);
            }
            if (written == cutAt) return false;
            writer.WriteEndArray();
            writer.WriteEndObject();
            return true;
        });
    }

    /// <summary>The documents a list sends, in id order, or with each pair of neighbours swapped.</summary>
    private IEnumerable<SeedEnDocsDocument> Listed(EnDocsDocumentKind kind, long afterId, bool swapped, out int count)
    {
        var snapshot = seed.Snapshot(kind);
        count = snapshot.CountListed(afterId);
        var listed = snapshot.Listed(afterId);
        return swapped ? Swapped(listed) : listed;

        static IEnumerable<SeedEnDocsDocument> Swapped(IEnumerable<SeedEnDocsDocument> inOrder)
        {
            SeedEnDocsDocument? held = null;
            foreach (var document in inOrder)
            {
                if (held is null)
                {
                    held = document;
                    continue;
                }
                yield return document;
                yield return held;
                held = null;
            }
            if (held is not null) yield return held;
        }
    }

    // Documents (Metadata) are what is neither a contract nor a non-form document.
    private static bool IsMetadata(SeedEnDocsDocument d) => d.Kind is not (EnDocsDocumentKind.Contract or EnDocsDocumentKind.NonForm);

    /// <summary>
    /// GET File/GetFileByExtIntId/{id}/{settname}: settname is compared case-sensitively, as the backend does. ExtID looks
    /// for a document with that Ext_ID and only when none matches for a contract; NonFormID, MetaID and ContractID take an
    /// int id. Nothing found, no files, or another settname: 400 <c>File not found ( #err-70)</c>, never 404.
    /// </summary>
    private Task FileByExtIntIdAsync(HttpContext context)
    {
        var id = Route(context, "id");
        var settName = Route(context, "settname");
        if (settName == "ExtID") return FilesAsync(context, ByExtId(id, nonFormFirst: false), "File not found ( #err-70)");
        Func<SeedEnDocsDocument, bool>? kind = settName switch
        {
            "NonFormID" => d => d.Kind == EnDocsDocumentKind.NonForm,
            "MetaID" => IsMetadata,
            "ContractID" => d => d.Kind == EnDocsDocumentKind.Contract,
            _ => null,
        };
        if (kind is null) return FilesAsync(context, null, "File not found ( #err-70)");
        if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return EnDocsJson.WriteTextAsync(context, 400, "Id is not int");
        return FilesAsync(context, Of(number, kind), "File not found ( #err-70)");
    }

    /// <summary>GET File/GetMetaFileById/{id} and GetContractFileById/{id}: an int id (else ASP.NET's 400); nothing found
    /// or no files: 400 <c>Files not found ( #err-70)</c> (the backend's other wording).</summary>
    private Task FileByIntIdAsync(HttpContext context, Func<SeedEnDocsDocument, bool> kind)
    {
        var id = Route(context, "id");
        if (!long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return EnDocsJson.WriteProblemAsync(context, "id", id);
        return FilesAsync(context, Of(number, kind), "Files not found ( #err-70)");
    }

    /// <summary>GET File/GetFileByExtId/{id}: an id that reads as a number is a non-form document's id first; then the
    /// Ext_ID of a document, then of a contract.</summary>
    private Task FileByExtIdAsync(HttpContext context) =>
        FilesAsync(context, ByExtId(Route(context, "id"), nonFormFirst: true), "File not found ( #err-70)");

    private SeedEnDocsDocument? Of(long id, Func<SeedEnDocsDocument, bool> kind) => seed.FindDocument(id) is { } d && kind(d) ? d : null;

    private SeedEnDocsDocument? ByExtId(string id, bool nonFormFirst)
    {
        if (nonFormFirst && long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            && Of(number, d => d.Kind == EnDocsDocumentKind.NonForm) is { } nonForm) return nonForm;
        return seed.FindDocumentByExtId(id) is { } d && d.Kind != EnDocsDocumentKind.NonForm ? d : null;
    }

    /// <summary><c>{"binaries":[{"fileName":…,"fileBase64":…}]}</c>, streamed; <paramref name="notFound"/> (400) when there is no
    /// document or it has no file.</summary>
    private async Task FilesAsync(HttpContext context, SeedEnDocsDocument? document, string notFound)
    {
        var files = document is null ? null : seed.FilesOf(document.Id);
        if (files is not { Count: > 0 })
        {
            await EnDocsJson.WriteTextAsync(context, 400, notFound);
            return;
        }

        var cutAt = context.Features.Get<TruncateBodyFault>() is null ? -1 : files.Count / 2;
        await StreamAsync(context, async writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("binaries");
            for (var i = 0; i < files.Count; i++)
            {
                if (i == cutAt) return false;
                writer.WriteStartObject();
                writer.WriteString("fileName", files[i].FileName);
                writer.WriteBase64String("fileBase64", files[i].Content);
                writer.WriteEndObject();
                await writer.FlushAsync(context.RequestAborted);
            }
            if (files.Count == cutAt) return false;
            writer.WriteEndArray();
            writer.WriteEndObject();
            return true;
        });
    }

    /// <summary>
    /// A 200 written straight to the response body (chunked, no Content-Length). <paramref name="write"/>
    /// returns false to cut the body short (the TruncateBody fault): what was written goes out, then the
    /// connection is aborted.
    /// </summary>
    private static async Task StreamAsync(HttpContext context, Func<Utf8JsonWriter, Task<bool>> write)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = EnDocsJson.ContentType;
        try
        {
            await using var writer = new Utf8JsonWriter(context.Response.Body, Answer.JsonOptions);
            if (!await write(writer))
            {
                await writer.FlushAsync(context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                // An abort resets the connection, and a reset can overtake bytes the client has not read yet:
                // give the status line and the first part of the body a moment to arrive first.
                await Task.Delay(TimeSpan.FromMilliseconds(200), context.RequestAborted);
                context.Abort();
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nothing left to answer.
        }
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
