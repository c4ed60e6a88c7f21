using System.Text;

namespace ApiTools.HelpBuilder;

/// <summary>
/// docs/about_*.md to the plain-text about_*.help.txt that Get-Help shows: '## SECTION' headings at the margin,
/// text indented four spaces, '### Sub-heading' underlined, code indented eight.
/// </summary>
internal static class AboutTopic
{
    private static readonly string[] RequiredSections = { "SHORT DESCRIPTION", "LONG DESCRIPTION" };

    public static string Convert(string file, List<SourceLine> lines)
    {
        Markdown.StripFrontMatter(file, lines);
        var root = Markdown.Parse(file, lines);
        var name = Path.GetFileNameWithoutExtension(file);
        var titles = root.Children.Where(s => s.Level == 1).ToList();
        if (titles.Count != 1 || !titles[0].Title.Equals(name, StringComparison.Ordinal))
            throw new HelpFormatException(file, titles.Count > 0 ? titles[0].Line : 1, $"an about topic starts with one '# {name}' title.");
        var sections = titles[0].Children;
        foreach (var required in RequiredSections)
        {
            var section = sections.FirstOrDefault(s => s.Title.Equals(required, StringComparison.OrdinalIgnoreCase));
            if (section is null)
                throw new HelpFormatException(file, titles[0].Line, $"the about topic has no '## {required}' section.");
            if (!HasText(section))
                throw new HelpFormatException(file, section.Line, $"## {required} is empty.");
        }

        var text = new StringBuilder();
        if (!sections.Any(s => s.Title.Equals("TOPIC", StringComparison.OrdinalIgnoreCase)))
            text.Append("TOPIC\n    ").Append(name).Append("\n\n");
        foreach (var section in sections)
        {
            text.Append(section.Title.ToUpperInvariant()).Append('\n');
            WriteBody(text, section);
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static bool HasText(Section s) => s.Body.Any(l => l.Text.Trim().Length > 0) || s.Children.Any(HasText);

    private static void WriteBody(StringBuilder text, Section section)
    {
        var first = true;
        foreach (var block in Markdown.Blocks(section.Body))
        {
            if (!first) text.Append('\n');
            first = false;
            var indent = block.Kind == BlockKind.Code ? "        " : "    ";
            foreach (var line in block.Lines)
                text.Append(indent).Append(block.Kind == BlockKind.Code ? line : Markdown.Inline(line.Trim(), keepAbsoluteLinks: true)).Append('\n');
        }
        foreach (var child in section.Children)
        {
            var title = Markdown.Inline(child.Title);
            text.Append('\n').Append("    ").Append(title).Append('\n')
                .Append("    ").Append(new string('-', title.Length)).Append('\n');
            WriteBody(text, child);
        }
    }
}
