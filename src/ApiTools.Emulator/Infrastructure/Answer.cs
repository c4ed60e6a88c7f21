using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApiTools.Emulator.Infrastructure;

/// <summary>How every emulated service sends a body: made whole first, then sent with its status, its type and a
/// Content-Length (so a later fault may truncate it, as a cut connection would).</summary>
internal static class Answer
{
    // Cyrillic and '+' (in "+0000") go out literally, as the real services send them, not as \u escapes.
    // Relaxed escaping is safe here: these bodies are never embedded in HTML.
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A JSON body written by hand with <see cref="Utf8JsonWriter"/>, so every byte is under control.</summary>
    public static ReadOnlyMemory<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions)) write(writer);
        return buffer.WrittenMemory;
    }

    public static async Task WriteAsync(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
