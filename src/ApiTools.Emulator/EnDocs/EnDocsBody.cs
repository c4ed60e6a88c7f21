using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ApiTools.Emulator.EnDocs;

/// <summary>A request EnDocs refuses: status and message for <c>{"error":…}</c>.</summary>
internal sealed class EnDocsRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// A write's JSON body with property names matched case-insensitively (EnDocs' backend binds them that way),
/// and typed readers whose failures name the field: <c>{"error":"Ext_ID is required"}</c>.
/// </summary>
internal sealed class EnDocsBody : IDisposable
{
    /// <summary>Bodies are read up to this size (the upload limit is on decoded files, checked separately).</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, JsonElement> _properties;

    private readonly JsonDocument? _owner;

    private EnDocsBody(JsonElement element, JsonDocument? owner)
    {
        _owner = owner;
        _properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject()) _properties.TryAdd(property.Name, property.Value);
    }

    /// <summary>A nested object (e.g. one of Binaries) read the same way; the outer body owns its memory.</summary>
    public static EnDocsBody From(JsonElement element) => new(element, null);

    public void Dispose() => _owner?.Dispose();

    /// <summary>Reads and parses the body; throws <see cref="EnDocsRequestException"/> (400, or 413 over <see cref="MaxBodyBytes"/>).</summary>
    public static async Task<EnDocsBody> ReadAsync(HttpContext context)
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
        if (tooBig) throw new EnDocsRequestException(413, "Max file size exceeded ( #err-20)");
        if (buffer.Length == 0) throw new EnDocsRequestException(400, "A JSON body is required");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            throw new EnDocsRequestException(400, $"Invalid JSON: {e.Message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new EnDocsRequestException(400, "A JSON object is required");
        }
        return new EnDocsBody(document.RootElement, document);
    }

    /// <summary>True when the property is present (even as null).</summary>
    public bool Has(string name) => _properties.ContainsKey(name);

    public JsonElement? Raw(string name) =>
        _properties.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A string (a number is taken as its text); null when absent or null.</summary>
    public string? Text(string name)
    {
        if (Raw(name) is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Bad($"{name} must be a string"),
        };
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

    public string Required(string name)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) throw Bad($"{name} is required");
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
        if (Raw(name) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.Number && fromNumber(value, out var number)) return number;
        if (value.ValueKind == JsonValueKind.String
            && T.TryParse(value.GetString(), styles, CultureInfo.InvariantCulture, out var parsed)) return parsed;
        throw Bad($"{name} must be {mustBe}");
    }

    public bool? Bool(string name)
    {
        if (Raw(name) is not { } value) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => throw Bad($"{name} must be true or false"),
        };
    }

    /// <summary>A request date: <c>dd.MM.yyyy</c> (midnight UTC).</summary>
    public DateTimeOffset? Date(string name)
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text)) return null;
        if (!DateTime.TryParseExact(text, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Bad($"{name} must be a date dd.MM.yyyy (was '{text}')");
        return new DateTimeOffset(date, TimeSpan.Zero);
    }

    public static EnDocsRequestException Bad(string message) => new(400, message);
}
