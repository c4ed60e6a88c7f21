using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.PlanFix;

/// <summary>A parsed request (<c>&lt;request method="…"&gt;</c>) or why it could not be parsed (error 0003).</summary>
internal sealed record PlanFixRequest(XElement? Root, string? Method, string? ParseError)
{
    public string? Account => Root?.Element("account")?.Value.Trim();

    public string? Sid => Root?.Element("sid")?.Value.Trim();
}

/// <summary>
/// PlanFix's wire format. Requests are read with DTDs prohibited and no resolver (a DOCTYPE is error 0003);
/// responses are written with <see cref="XmlWriter"/>, UTF-8 without BOM, never with a DTD (except the
/// PlanFixDtd fault's body).
/// </summary>
internal static class PlanFixXml
{
    public const string ContentType = "application/xml; charset=utf-8";
    /// <summary>The largest request read: file.upload carries a file as base64 inside the XML.</summary>
    public const int MaxRequestBytes = 48 * 1024 * 1024;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxRequestBytes,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    public static async Task<PlanFixRequest> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > MaxRequestBytes) return new PlanFixRequest(null, null, "Запрос слишком большой");
                buffer.Write(chunk, 0, read);
            }
            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return new PlanFixRequest(null, null, "Не удалось прочитать запрос");
        }
        if (bytes.Length == 0) return new PlanFixRequest(null, null, "Пустой запрос");
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, ReaderSettings);
            var root = XDocument.Load(reader).Root!;
            if (root.Name.LocalName != "request") return new PlanFixRequest(null, null, "Корневой элемент должен быть request");
            var method = root.Attribute("method")?.Value.Trim();
            return new PlanFixRequest(root, string.IsNullOrEmpty(method) ? null : method, null);
        }
        catch (XmlException e)
        {
            return new PlanFixRequest(null, null, "Ошибка разбора XML: " + e.Message);
        }
    }

    public static string Date(DateTimeOffset value, bool withTime) =>
        value.ToString(withTime ? "dd-MM-yyyy HH:mm" : "dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>dd-MM-yyyy</c> or <c>dd-MM-yyyy HH:mm</c> as a time in <paramref name="zone"/>.</summary>
    public static bool TryParseDate(string text, TimeZoneInfo zone, out DateTimeOffset value, out bool withTime)
    {
        value = default;
        withTime = text.Trim().Length > 10;
        if (!DateTime.TryParseExact(text.Trim(), withTime ? "dd-MM-yyyy HH:mm" : "dd-MM-yyyy", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return false;
        value = new DateTimeOffset(local, zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>Writes <c>&lt;response status="ok"&gt;…&lt;/response&gt;</c> (HTTP 200).</summary>
    public static Task WriteOkAsync(HttpContext context, Action<XmlWriter> body) =>
        WriteAsync(context, 200, w =>
        {
            w.WriteStartElement("response");
            w.WriteAttributeString("status", "ok");
            body(w);
            w.WriteEndElement();
        });

    /// <summary>Writes <c>&lt;response status="error"&gt;&lt;code/&gt;&lt;message/&gt;&lt;/response&gt;</c>; HTTP 200 unless told.</summary>
    public static Task WriteErrorAsync(HttpContext context, string? code, string message, int status = 200) =>
        WriteAsync(context, status, w =>
        {
            w.WriteStartElement("response");
            w.WriteAttributeString("status", "error");
            if (code is not null) w.WriteElementString("code", code);
            w.WriteElementString("message", message);
            w.WriteEndElement();
        });

    /// <summary>The PlanFixDtd fault: a DOCTYPE declaring an external entity, used in the body.</summary>
    public static Task WriteDtdAsync(HttpContext context) =>
        WriteAsync(context, 200, w =>
        {
            w.WriteDocType("response", null, null, "<!ENTITY x SYSTEM \"file:///etc/passwd\">");
            w.WriteStartElement("response");
            w.WriteAttributeString("status", "ok");
            w.WriteStartElement("data");
            w.WriteEntityRef("x");
            w.WriteEndElement();
            w.WriteEndElement();
        });

    public static async Task WriteAsync(HttpContext context, int status, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        await Answer.WriteAsync(context, status, ContentType, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    // Small writing helpers for the object shapes.
    public static void Element(this XmlWriter w, string name, long value) => w.WriteElementString(name, value.ToString(CultureInfo.InvariantCulture));

    public static void Element(this XmlWriter w, string name, string value) => w.WriteElementString(name, value);

    /// <summary><c>&lt;name&gt;&lt;id&gt;…&lt;/id&gt;&lt;/name&gt;</c>: a reference PlanFix gives by id alone (parent, template…).</summary>
    public static void IdOf(this XmlWriter w, string name, long id)
    {
        w.WriteStartElement(name);
        w.Element("id", id);
        w.WriteEndElement();
    }

    /// <summary><c>&lt;list [count=n]&gt;&lt;item&gt;…&lt;/item&gt;…&lt;/list&gt;</c>: each item's element written around what <paramref name="write"/> puts in it.</summary>
    public static void List<T>(this XmlWriter w, string list, string item, IReadOnlyCollection<T> items, Action<XmlWriter, T> write,
        string? countAttribute = null)
    {
        w.WriteStartElement(list);
        if (countAttribute is not null) w.WriteAttributeString(countAttribute, items.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var x in items)
        {
            w.WriteStartElement(item);
            write(w, x);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    public static void Ref(this XmlWriter w, string name, long id, string nameElement, string text)
    {
        w.WriteStartElement(name);
        w.Element("id", id);
        w.Element(nameElement, text);
        w.WriteEndElement();
    }
}
