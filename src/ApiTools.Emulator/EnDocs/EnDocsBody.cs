using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ApiTools.Emulator.EnDocs;

/// <summary>A request EnDocs refuses: its status and the bare text EnDocs answers with.</summary>
internal sealed class EnDocsRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// A write's JSON body with property names matched case-insensitively (EnDocs' backend binds them that way when it
/// creates), and typed readers whose failures name the field. <see cref="Exactly"/> sees only keys spelled exactly as
/// asked for: what the backend applies when it updates a stored document.
/// </summary>
internal sealed class EnDocsBody : IDisposable
{
    /// <summary>Bodies are read up to this size (the upload limit is on decoded files, checked separately).</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, JsonElement> _properties;

    private readonly JsonDocument? _owner;

    private EnDocsBody(JsonElement element, JsonDocument? owner, StringComparer names, string raw = "")
    {
        _owner = owner;
        Raw = raw;
        _properties = new Dictionary<string, JsonElement>(names);
        foreach (var property in element.EnumerateObject()) _properties.TryAdd(property.Name, property.Value);
        Element = element;
    }

    /// <summary>The body as sent (for the write log).</summary>
    public string Raw { get; }

    private JsonElement Element { get; }

    /// <summary>A nested object (e.g. one of Binaries, an Organization) read the same way; the outer body owns its memory.</summary>
    public static EnDocsBody From(JsonElement element) => new(element, null, StringComparer.OrdinalIgnoreCase);

    /// <summary>The same body seen only through keys spelled exactly as asked for (the backend's update).</summary>
    public EnDocsBody Exactly() => new(Element, null, StringComparer.Ordinal, Raw);

    /// <summary>A nested object, or null when absent or null; a value that is not an object is a 400.</summary>
    public EnDocsBody? Object(string name) => Value(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } o => From(o),
        _ => throw Bad($"Field {name} must be an object"),
    };

    public void Dispose() => _owner?.Dispose();

    /// <summary>Reads and parses the body; throws <see cref="EnDocsRequestException"/> (400, or 413 over <see cref="MaxBodyBytes"/>)
    /// with what was read so far as <paramref name="raw"/>.</summary>
    public static async Task<EnDocsBody> ReadAsync(HttpContext context, Action<string>? raw = null)
    {
        // Kestrel's own cap (32 MiB) would cut the connection; this service answers big bodies itself.
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = null;

        var declared = context.Request.ContentLength;
        using var buffer = new MemoryStream(declared is > 0 and <= MaxBodyBytes ? (int)declared.Value : 4096);
        var chunk = new byte[81920];
        var tooBig = false;
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            // Past the cap the rest is drained, not kept, so the client gets the 413 rather than a reset.
            if (tooBig || buffer.Length + read > MaxBodyBytes) tooBig = true;
            else buffer.Write(chunk, 0, read);
        }
        var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        raw?.Invoke(text);
        if (tooBig) throw new EnDocsRequestException(400, "Max File size exceeded ( #err-20)");
        if (buffer.Length == 0) throw new EnDocsRequestException(400, "No entity provider");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            throw new EnDocsRequestException(400, "No entity provider");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new EnDocsRequestException(400, "No entity provider");
        }
        return new EnDocsBody(document.RootElement, document, StringComparer.OrdinalIgnoreCase, text);
    }

    /// <summary>True when the property is present (even as null).</summary>
    public bool Has(string name) => _properties.ContainsKey(name);

    public JsonElement? Value(string name) =>
        _properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string; null when absent or null. Anything else in a string field fails as the backend fails on it: an
    /// unhandled 500 (it maps the body onto its DTO before its own error handling).</summary>
    public string? Text(string name)
    {
        if (Value(name) is not { } value) return null;
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new EnDocsRequestException(500, "");
    }

    /// <summary>
    /// Reads optional text fields before anything is changed, so a value of the wrong type is a 400 then rather
    /// than half way through a write.
    /// </summary>
    public void Texts(params string[] names)
    {
        foreach (var name in names) Text(name);
    }

    /// <summary>A present property's text, or <paramref name="old"/> when the body does not name it (update = merge).</summary>
    public string? Merge(string name, string? old) => Has(name) ? Text(name) : old;

    /// <summary>A non-empty string, else 400 <c>Field {label} is required</c> (the backend's wording).</summary>
    public string Required(string name, string? label = null)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) throw Bad($"Field {label ?? name} is required");
        return text;
    }

    public decimal? Decimal(string name) =>
        Number(name, static (JsonElement v, out decimal d) => v.TryGetDecimal(out d), NumberStyles.Number, "a number");

    public long? Long(string name) =>
        Number(name, static (JsonElement v, out long n) => v.TryGetInt64(out n), NumberStyles.Integer, "a whole number");

    private delegate bool TryGet<T>(JsonElement value, out T result);

    /// <summary>A JSON number, or a string holding one (EnDocs' backend takes both); null when absent or null.</summary>
    private T? Number<T>(string name, TryGet<T> fromNumber, NumberStyles styles, string mustBe) where T : struct, INumber<T>
    {
        if (Value(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && fromNumber(value, out var number)) return number;
        if (value.ValueKind == JsonValueKind.String
            && T.TryParse(value.GetString(), styles, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Bad($"Field {name} must be {mustBe}");
    }

    public bool? Bool(string name)
    {
        if (Value(name) is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw Bad($"Field {name} must be true or false"),
        };
    }

    // The formats the backend tries, in its order; then a culture's own reading, as its last resort does.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM-dd-yyyy", "dd.MM.yyyy HH:mm:ss", "dd/MM/yyyy, HH:mm:ss", "dd.MM.yyyy"];

    /// <summary>A request date in any of the backend's formats (<c>dd.MM.yyyy</c> is what the help pages show); a date
    /// without a time is kept at noon, as EnDocs keeps it.</summary>
    public DateTimeOffset? Date(string name)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && !DateTime.TryParse(text, CultureInfo.GetCultureInfo("ru-RU"), DateTimeStyles.None, out date))
            throw Bad($"Field {name} is not a date (was '{text}')");
        if (date.TimeOfDay == TimeSpan.Zero) date = date.AddHours(12);
        return new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    public static EnDocsRequestException Bad(string message) => new(400, message);
}
