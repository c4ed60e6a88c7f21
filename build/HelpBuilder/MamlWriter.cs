using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ApiTools.HelpBuilder;

/// <summary>Writes command help in MAML, the format Get-Help reads for a binary module (&lt;Assembly&gt;-Help.xml).</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(IEnumerable<CommandPage> pages, string path)
    {
        var root = new XElement(Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            pages.Select(CommandElement));
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = XmlWriter.Create(path, settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    private static XElement Paras(XName name, IEnumerable<string> paragraphs) =>
        new(name, paragraphs.Select(p => new XElement(Maml + "para", p)));

    private static XElement CommandElement(CommandPage page)
    {
        var dash = page.Name.IndexOf('-');
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", page.Name[..dash]),
                new XElement(Command + "noun", page.Name[(dash + 1)..]),
                Paras(Maml + "description", new[] { page.Synopsis })),
            Paras(Maml + "description", page.Description),
            new XElement(Command + "syntax", page.Syntax.Select(set => SyntaxItem(page, set))),
            new XElement(Command + "parameters", page.Parameters.Select(p => Parameter(p, p.Blocks[0], inSyntax: false))),
            new XElement(Command + "inputTypes", page.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            new XElement(Command + "returnValues", page.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", page.Notes.Select(n => new XElement(Maml + "para", n)))),
            new XElement(Command + "examples", page.Examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- {e.Title} --------------------------"),
                new XElement(Dev + "code", e.Code),
                Paras(Dev + "remarks", e.Remarks)))),
            new XElement(Command + "relatedLinks", page.Links.Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri)))));
    }

    private static XElement SyntaxItem(CommandPage page, SyntaxSet set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", page.Name),
            set.ParameterNames.Select(name =>
            {
                var doc = page.Parameters.First(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                var attributes = set.Name == CommandPage.AllSets ? doc.Blocks[0] : doc.Blocks.First(b => b.AppliesTo(set.Name));
                return Parameter(doc, attributes, inSyntax: true);
            }));

    private static XElement Parameter(ParameterDoc doc, ParameterAttributes a, bool inSyntax)
    {
        var isSwitch = a.Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);
        var element = new XElement(Command + "parameter",
            new XAttribute("required", a.Required ? "true" : "false"),
            new XAttribute("variableLength", a.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", a.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", a.PipelineInput),
            new XAttribute("position", a.Position),
            new XAttribute("aliases", a.Aliases.Count > 0 ? string.Join(", ", a.Aliases) : "none"),
            new XElement(Maml + "name", doc.Name),
            Paras(Maml + "description", doc.Description));
        // The syntax shows a switch as [-Name] and a closed list of values as {A | B}, like Get-Command does.
        if (inSyntax && a.AcceptedValues.Count > 0)
            element.Add(new XElement(Command + "parameterValueGroup", a.AcceptedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
        if (!(inSyntax && (isSwitch || a.AcceptedValues.Count > 0)))
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", isSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"), a.Type));
        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", a.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", a.DefaultValue));
        return element;
    }

    private static XElement TypeElement(XName name, TypeDoc type) =>
        new(name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
            Paras(Maml + "description", type.Description));
}
