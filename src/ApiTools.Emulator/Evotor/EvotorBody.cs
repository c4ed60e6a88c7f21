using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Request bodies of Evotor writes: content types, the 10 MB cap (413 in Evotor's format, checked on
/// Content-Length and on the bytes actually read), JSON and multipart parsing, 400 bodies.
/// </summary>
internal static class EvotorBody
{
    /// <summary>The contract's "10 MB" cap, taken as 10 MiB.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    public const string Json = "application/vnd.evotor.v2+json";
    public const string BulkJson = "application/vnd.evotor.v2+bulk+json";

    public enum Kind { Other, Json, Bulk, Multipart }

    /// <summary>What the Content-Type announces (parameters such as charset are ignored).</summary>
    public static Kind KindOf(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return Kind.Other;
        var media = type.MediaType.Value ?? "";
        return media.Equals(Json, StringComparison.OrdinalIgnoreCase) || media.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? Kind.Json
            : media.Equals(BulkJson, StringComparison.OrdinalIgnoreCase) ? Kind.Bulk
            : media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ? Kind.Multipart
            : Kind.Other;
    }

    /// <summary>The whole body, or null after answering 413 (declared or read size over <see cref="MaxBytes"/>).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBytes)
        {
            await TooLargeAsync(context);
            return null;
        }
        using var memory = new MemoryStream((int)(context.Request.ContentLength ?? 4096));
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                if (memory.Length + read > MaxBytes)
                {
                    await TooLargeAsync(context);
                    return null;
                }
                memory.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return memory.ToArray();
    }

    /// <summary>The body parsed as JSON, or null after answering 413 or 400 (violation on <c>body</c>).</summary>
    public static async Task<JsonElement?> ReadJsonAsync(HttpContext context)
    {
        var bytes = await ReadAsync(context);
        if (bytes is null) return null;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            // As the service answers JSON it cannot read: invalid_format, with where it stopped in "value".
            var at = $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}";
            await EvotorJson.WriteErrorAsync(context, 400, "invalid_format", "invalid value format for field", [new Violation("недействительное значение", "body")], at);
            return null;
        }
    }

    /// <summary>A file field of a multipart/form-data body, or null when there is none (or the body is not multipart).</summary>
    public static async Task<(string FileName, byte[] Content)?> ReadFormFileAsync(HttpContext context, byte[] body, string field)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)) return null;
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) return null;
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body)) { BodyLengthLimit = MaxBytes };
            for (var section = await reader.ReadNextSectionAsync(); section is not null; section = await reader.ReadNextSectionAsync())
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                if (!string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, field, StringComparison.Ordinal)) continue;
                // filename* (RFC 5987, decoded by the parser) wins over filename; either is kept verbatim otherwise.
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value! : HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "";
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, context.RequestAborted);
                return (name, content.ToArray());
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return null;
        }
        return null;
    }

    /// <summary>
    /// <c>attachment; filename="name"</c> with the name as stored (quotes and backslashes escaped as a
    /// quoted-string needs); a non-ASCII name also goes as RFC 5987 <c>filename*</c>, '_' in the plain one.
    /// </summary>
    public static string Attachment(string name)
    {
        var plain = new StringBuilder(name.Length);
        var ascii = true;
        foreach (var c in name)
        {
            if (c is '"' or '\\') plain.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~') plain.Append(c);
            else { plain.Append('_'); ascii = false; }
        }
        var header = $"attachment; filename=\"{plain}\"";
        return ascii ? header : header + "; filename*=UTF-8''" + Uri.EscapeDataString(name);
    }

    public static Task BadRequestAsync(HttpContext context, string reason, string subject) =>
        BadRequestAsync(context, [new Violation(reason, subject)]);

    public static Task BadRequestAsync(HttpContext context, IReadOnlyList<Violation> violations) =>
        EvotorJson.WriteErrorAsync(context, 400, "validation_failed", "validation failed for specified payload", violations);

    private static Task TooLargeAsync(HttpContext context) =>
        EvotorJson.WriteErrorAsync(context, 413, "payload_too_large", $"request body exceeds {MaxBytes} bytes");
}
