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

    private static readonly string[] SettNames = ["ExtID", "NonFormID", "MetaID", "ContractID"];

    public void Map(RouteGroupBuilder group)
    {
        Get(group, "/Output/GetClientInfo", ClientInfoAsync);
        Get(group, "/Output/GetClientUsers", ClientUsersAsync);
        Get(group, "/Output/GetNewContracts/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Contract));
        Get(group, "/Output/GetNewInvoices/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Invoice));
        Get(group, "/Output/GetNewInputs/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.Input));
        Get(group, "/Output/GetNonFormDoc/{docId}/{requestId}", c => ListAsync(c, EnDocsDocumentKind.NonForm));
        Get(group, "/File/GetFileByExtIntId/{id}/{settname}", c => FilesAsync(c, Route(c, "settname")));
        Get(group, "/File/GetMetaFileById/{id}", c => FilesAsync(c, "MetaID"));
        Get(group, "/File/GetContractFileById/{id}", c => FilesAsync(c, "ContractID"));
        Get(group, "/File/GetFileByExtId/{id}", c => FilesAsync(c, "ExtID"));
        MapWrites(group);
        // Anything else under /endocs still passes auth and counting, then gets a 404 in EnDocs' shape.
        group.Map("/{**path}", c => EnDocsJson.WriteErrorAsync(c, 404, $"No resource at {c.Request.Path}"));
    }

    private static void Get(RouteGroupBuilder group, string template, RequestDelegate handler) => Both(group, HttpMethods.Get, template, handler);

    private static void Post(RouteGroupBuilder group, string template, RequestDelegate handler) => Both(group, HttpMethods.Post, template, handler);

    private static void Both(RouteGroupBuilder group, string method, string template, RequestDelegate handler)
    {
        group.MapMethods(template, [method], handler);
        group.MapMethods("/api" + template, [method], handler).WithMetadata(new RouteKeyAlias("/endocs" + template));
    }

    private Task ClientInfoAsync(HttpContext context)
    {
        var a = seed.Account;
        return EnDocsJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("inn", a.Inn);
            w.WriteString("kpp", a.Kpp);
            w.WriteString("email", a.Email);
            w.WriteString("tariff", a.Tariff);
            w.WriteEndObject();
        });
    }

    private Task ClientUsersAsync(HttpContext context) =>
        EnDocsJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartArray();
            foreach (var u in seed.Users)
            {
                w.WriteStartObject();
                w.WriteNumber("id", u.Id);
                w.WriteString("name", u.Name);
                w.WriteString("email", u.Email);
                w.WriteString("position", u.Position);
                w.WriteBoolean("isActive", u.IsActive);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        });

    /// <summary>
    /// <c>{"key":count,"value":[…]}</c>, streamed: the count is worked out first without making documents,
    /// then each document is written and the response flushed every <see cref="FlushThreshold"/> bytes.
    /// </summary>
    private async Task ListAsync(HttpContext context, EnDocsDocumentKind kind)
    {
        if (!long.TryParse(Route(context, "docId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var afterId))
        {
            await EnDocsJson.WriteErrorAsync(context, 400, $"DocId must be a whole number (was '{Route(context, "docId")}')");
            return;
        }
        if (!Guid.TryParse(Route(context, "requestId"), out _))
        {
            await EnDocsJson.WriteErrorAsync(context, 400, $"RequestId must be a GUID (was '{Route(context, "requestId")}')");
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
                    document.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null);
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

    /// <summary><c>{"binaries":[{"fileName":…,"fileBase64":…}]}</c>; 404 <c>#err-70</c> for an unknown document.</summary>
    private async Task FilesAsync(HttpContext context, string settName)
    {
        var kind = SettNames.FirstOrDefault(s => string.Equals(s, settName, StringComparison.OrdinalIgnoreCase));
        if (kind is null)
        {
            await EnDocsJson.WriteErrorAsync(context, 400, $"Unknown settname '{settName}' (expected {string.Join(", ", SettNames)})");
            return;
        }
        var id = Route(context, "id");
        SeedEnDocsDocument? document;
        if (kind == "ExtID") document = seed.FindDocumentByExtId(id);
        else
        {
            document = long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? seed.FindDocument(number) : null;
            if (kind == "NonFormID" && document?.Kind != EnDocsDocumentKind.NonForm) document = null;
            if (kind == "ContractID" && document?.Kind != EnDocsDocumentKind.Contract) document = null;
        }
        var files = document is null ? null : seed.FilesOf(document.Id);
        if (files is null)
        {
            await EnDocsJson.WriteErrorAsync(context, 404, "File not found ( #err-70)");
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
            await using var writer = new Utf8JsonWriter(context.Response.Body, EnDocsJson.WriterOptions);
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
