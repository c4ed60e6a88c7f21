using System.Globalization;
using System.Text.Json;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor's wire format, written by hand with <see cref="Utf8JsonWriter"/> so every byte is under
/// control: snake_case, no nulls (optional fields are omitted), timestamps like
/// <c>2018-04-17T10:11:49.393+0000</c>, and a Content-Length on every body.
/// </summary>
internal static partial class EvotorJson
{
    /// <summary>Every Evotor response is JSON; the real service says application/vnd.evotor.v2+json.</summary>
    public const string ContentType = "application/json";

    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>Buffers the body, then sends it with its length (a later fault may truncate it).</summary>
    public static Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write) =>
        Answer.WriteAsync(context, status, ContentType, Answer.Json(write));

    /// <summary>The v2 error body: <c>{"code":"…","message":"…","violations":[{"reason":"…","subject":"…"}]}</c>, with
    /// <c>"value"</c> first where the service says where it stopped reading (<c>invalid_format</c>).</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string code, string message,
        IReadOnlyList<Violation>? violations = null, string? value = null) =>
        WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            if (value is not null) writer.WriteString("value", value);
            writer.WriteString("code", code);
            writer.WriteString("message", message);
            if (violations is { Count: > 0 }) WriteArray(writer, "violations", violations, static (w, v) => WriteViolation(w, v.Reason, v.Subject));
            writer.WriteEndObject();
        });

    /// <summary>The error code Evotor-style bodies carry for a status (used for injected faults).</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        402 => "payment_required",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        406 => "not_acceptable",
        413 => "payload_too_large",
        429 => "rate_limit_exceeded",
        500 => "internal_error",
        502 => "bad_gateway",
        503 => "service_unavailable",
        504 => "gateway_timeout",
        _ => "error",
    };
}

/// <summary>One entry of an error body's <c>violations</c>.</summary>
internal readonly record struct Violation(string Reason, string Subject);
