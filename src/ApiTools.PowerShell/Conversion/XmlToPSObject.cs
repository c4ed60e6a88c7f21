using System.Xml;
using System.Xml.Linq;

namespace ApiTools.PowerShell.Conversion;

/// <summary>The one converter from the client library's raw XML to what PowerShell users expect: an element with only
/// text becomes a string; otherwise a PSCustomObject whose properties are its attributes and child elements (a child
/// name that repeats becomes an array; text beside attributes or children is <c>#text</c>).</summary>
internal static class XmlToPSObject
{
    public static object? Convert(XElement element)
    {
        if (!element.HasAttributes && !element.HasElements) return element.Value;
        var obj = new PSObject();
        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            obj.Properties.Add(new PSNoteProperty(attribute.Name.LocalName, attribute.Value));
        }
        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var items = group.ToList();
            object? value = items.Count == 1 ? Convert(items[0]) : items.Select(Convert).ToArray();
            if (obj.Properties[group.Key] is null) obj.Properties.Add(new PSNoteProperty(group.Key, value));
        }
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0) obj.Properties.Add(new PSNoteProperty("#text", text));
        return obj;
    }

    /// <summary>What Invoke-PlanFixRequest writes for a whole answer: one object with the response's children as
    /// properties (<c>$answer.task.id</c>), its status attribute left out (an error never gets this far).</summary>
    public static object? FromResponse(XElement response)
    {
        var copy = new XElement(response);
        copy.Attribute("status")?.Remove();
        return Convert(copy);
    }

    /// <summary>An element as System.Xml, read with DTDs prohibited (the element cannot carry one; kept strict anyway).</summary>
    public static XmlDocument ToXmlDocument(XElement element)
    {
        var document = new XmlDocument { XmlResolver = null };
        using var reader = element.CreateReader();
        document.Load(reader);
        return document;
    }

    public static XElement FromXmlElement(XmlNode node)
    {
        using var reader = new XmlNodeReader(node is XmlDocument d ? d.DocumentElement! : node);
        return XElement.Load(reader);
    }
}
