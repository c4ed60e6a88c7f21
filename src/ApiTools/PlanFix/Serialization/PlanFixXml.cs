using System.Collections;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ApiTools.PlanFix.Serialization;

/// <summary>
/// PlanFix's XML both ways. Requests are written with an <see cref="XmlWriter"/> (never by string concatenation, so
/// a value cannot break out of its element); responses are read with DTD processing prohibited and no resolver, so
/// a DOCTYPE or an external entity in an answer is refused, never expanded or fetched.
/// </summary>
internal static class PlanFixXml
{
    /// <summary>The deepest nesting read or written. PlanFix answers nest a few levels (response/tasks/task/customData/…);
    /// deeper is refused, so nothing that walks an answer (Invoke-PlanFixRequest's conversion) recurses without bound.</summary>
    public const int MaxDepth = 64;
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
        CloseInput = false,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>The whole <c>&lt;request method=…&gt;</c> document: account, sid (login mode), then the parameters.</summary>
    /// <param name="parameters">A value tree (IDictionary → child elements, IEnumerable → the element repeated,
    /// scalars → text) or an <see cref="XElement"/> whose children are the parameters.</param>
    public static byte[] BuildRequest(string method, string account, string? sid, object? parameters, TimeZoneInfo zone)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = Utf8NoBom, Indent = false, OmitXmlDeclaration = false, CheckCharacters = true };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("request");
            writer.WriteAttributeString("method", method);
            writer.WriteElementString("account", account);
            if (sid is not null) writer.WriteElementString("sid", sid);
            switch (parameters)
            {
                case null:
                    break;
                case XElement body:
                    foreach (var child in body.Elements())
                    {
                        // The connection decides the account and session, whatever the body says.
                        if (child.Name.LocalName is "account" or "sid") continue;
                        child.WriteTo(writer);
                    }
                    break;
                case IDictionary map:
                    WriteMembers(writer, map, zone, 1);
                    break;
                default:
                    throw new ArgumentException("PlanFix parameters must be a dictionary of element names to values (a hashtable), or an XML element.", nameof(parameters));
            }
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteMembers(XmlWriter writer, IDictionary map, TimeZoneInfo zone, int depth)
    {
        if (depth > MaxDepth) throw new ArgumentException($"The parameters nest deeper than {MaxDepth} levels; do they refer to themselves?");
        foreach (DictionaryEntry entry in map)
        {
            var name = entry.Key?.ToString() ?? "";
            try
            {
                XmlConvert.VerifyNCName(name);
            }
            catch (XmlException)
            {
                throw new ArgumentException($"'{name}' cannot be a PlanFix parameter: names are XML element names such as task, id, pageSize.");
            }
            WriteValue(writer, name, entry.Value, zone, depth);
        }
    }

    private static void WriteValue(XmlWriter writer, string name, object? value, TimeZoneInfo zone, int depth)
    {
        switch (value)
        {
            case null:
                return; // not given: left out
            case XElement element:
                writer.WriteStartElement(name);
                foreach (var node in element.Nodes()) node.WriteTo(writer);
                writer.WriteEndElement();
                return;
            case IDictionary nested:
                writer.WriteStartElement(name);
                WriteMembers(writer, nested, zone, depth + 1);
                writer.WriteEndElement();
                return;
            case string text:
                writer.WriteElementString(name, text);
                return;
            case IEnumerable items:
                // <id>1</id><id>2</id>: PlanFix lists are the element repeated.
                foreach (var item in items)
                {
                    if (item is IEnumerable and not string and not IDictionary)
                        throw new ArgumentException($"'{name}' holds a list inside a list; PlanFix has no such shape. Name the inner element with a hashtable.");
                    WriteValue(writer, name, item, zone, depth + 1);
                }
                return;
            default:
                writer.WriteElementString(name, Scalar(value, zone));
                return;
        }
    }

    /// <summary>A scalar as PlanFix reads it: numbers invariant, booleans 1/0, dates dd-MM-yyyy HH:mm in the connection's zone.</summary>
    public static string Scalar(object value, TimeZoneInfo zone) => value switch
    {
        bool b => b ? "1" : "0",
        DateTimeOffset o => PlanFixDates.Format(o, zone, o.TimeOfDay != TimeSpan.Zero),
        DateTime d => PlanFixDates.Format(d, zone, d.TimeOfDay != TimeSpan.Zero),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads a response document safely. Throws <see cref="XmlException"/> for malformed XML or any DTD.</summary>
    public static XElement Read(Stream body)
    {
        using var reader = XmlReader.Create(body, ReaderSettings);
        var document = XDocument.Load(reader, LoadOptions.None);
        return document.Root ?? throw new XmlException("The response has no root element.");
    }

    /// <summary>True where the document in <paramref name="body"/> nests elements more than <paramref name="max"/> levels
    /// deep. Read with a bare XmlReader (linear, and it stops at the first element too deep), before any tree is built:
    /// building an XDocument costs time in the square of its depth, and anything that walks one recursively, its stack.
    /// The stream is left where it was. Throws <see cref="XmlException"/> as <see cref="Read"/> would.</summary>
    public static bool NestsDeeperThan(Stream body, int max)
    {
        var start = body.Position;
        try
        {
            using var reader = XmlReader.Create(body, ReaderSettings);
            while (reader.Read())
                if (reader.NodeType == XmlNodeType.Element && reader.Depth >= max) return true;
            return false;
        }
        finally
        {
            body.Position = start;
        }
    }

    /// <summary>Parses XML text a user gave (-Body) with the same safe settings.</summary>
    public static XElement Parse(string xml)
    {
        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, ReaderSettings);
        return XDocument.Load(reader).Root ?? throw new XmlException("The XML has no root element.");
    }
}
