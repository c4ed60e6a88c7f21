using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace ApiTools.PlanFix.Serialization;

/// <summary>Parameters a user wrote as XML (Invoke-PlanFixRequest -Body), read with the same safe settings as responses.</summary>
public static class PlanFixBody
{
    /// <summary>One or more elements (<c>&lt;task&gt;&lt;id&gt;1&lt;/id&gt;&lt;/task&gt;&lt;silent&gt;1&lt;/silent&gt;</c>), or a whole
    /// <c>&lt;request&gt;</c>, as an element whose children are the parameters. A DTD is refused.</summary>
    /// <exception cref="ArgumentException">Not well-formed XML.</exception>
    public static XElement FromXml(string xml)
    {
        if (xml is null) throw new ArgumentNullException(nameof(xml));
        var settings = PlanFixXml.ReaderSettings.Clone();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        var body = new XElement("request");
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element) body.Add(XNode.ReadFrom(reader));
                else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Trim().Length > 0)
                    throw new XmlException($"Text outside an element: '{reader.Value.Trim()}'.");
                else reader.Read();
            }
        }
        catch (XmlException e)
        {
            throw new ArgumentException($"-Body is not well-formed XML: {e.Message}", nameof(xml), e);
        }
        // A whole <request> given: its children are the parameters.
        return body.Elements().Count() == 1 && body.Elements().First().Name.LocalName == "request" ? body.Elements().First() : body;
    }

    /// <summary>A <c>&lt;request&gt;</c> stands for its children; any other element is the one parameter.</summary>
    public static XElement FromElement(XElement element)
    {
        return element.Name.LocalName == "request" ? element : new XElement("request", new XElement(element));
    }
}
