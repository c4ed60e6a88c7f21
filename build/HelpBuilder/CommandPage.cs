using System.Text.RegularExpressions;

namespace ApiTools.HelpBuilder;

internal sealed record SyntaxSet(string Name, bool IsDefault, IReadOnlyList<string> ParameterNames);

/// <summary>One fenced yaml block of a parameter: PlatyPS writes one per group of sets whose attributes differ.</summary>
internal sealed record ParameterAttributes(
    string Type, IReadOnlyList<string> Sets, IReadOnlyList<string> Aliases, IReadOnlyList<string> AcceptedValues,
    bool Required, string Position, string DefaultValue, string PipelineInput, bool Globbing)
{
    public bool AppliesTo(string set) => Sets.Any(s => s == "(All)" || s.Equals(set, StringComparison.OrdinalIgnoreCase));
}

internal sealed record ParameterDoc(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterAttributes> Blocks);

internal sealed record Example(string Title, string Code, IReadOnlyList<string> Remarks);

internal sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

internal sealed record RelatedLink(string Text, string Uri);

/// <summary>A cmdlet's help page, parsed from docs/&lt;Cmdlet&gt;.md (PlatyPS layout) and checked for completeness.</summary>
internal sealed partial record CommandPage(
    string Name, string Synopsis, IReadOnlyList<string> Description, IReadOnlyList<SyntaxSet> Syntax,
    IReadOnlyList<ParameterDoc> Parameters, IReadOnlyList<TypeDoc> Inputs, IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<string> Notes, IReadOnlyList<Example> Examples, IReadOnlyList<RelatedLink> Links)
{
    public const string AllSets = "__AllParameterSets";

    private static readonly string[] KnownSections =
        { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    private static readonly string[] RequiredYamlKeys = { "Type", "Parameter Sets", "Required", "Position" };

    [GeneratedRegex(@"(?<=^|[\s\[])-([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex SyntaxParameter();

    public static CommandPage Parse(string file, List<SourceLine> lines)
    {
        Markdown.StripFrontMatter(file, lines);
        var root = Markdown.Parse(file, lines);
        var expectedName = Path.GetFileNameWithoutExtension(file);
        var titles = root.Children.Where(s => s.Level == 1).ToList();
        if (titles.Count != 1)
            throw new HelpFormatException(file, titles.Count > 1 ? titles[1].Line : 1, $"expected one '# {expectedName}' title, found {titles.Count}.");
        var top = titles[0];
        if (!top.Title.Equals(expectedName, StringComparison.Ordinal))
            throw new HelpFormatException(file, top.Line, $"the title '# {top.Title}' does not match the file name; expected '# {expectedName}'.");
        if (!expectedName.Contains('-'))
            throw new HelpFormatException(file, top.Line, $"'{expectedName}' is not a Verb-Noun cmdlet name (about topics are named about_*.md).");

        foreach (var s in top.Children.Where(s => !KnownSections.Contains(s.Title, StringComparer.OrdinalIgnoreCase)))
            throw new HelpFormatException(file, s.Line, $"unknown section '## {s.Title}'; expected one of: {string.Join(", ", KnownSections)}.");

        Section Required(string title) =>
            Find(top, title) ?? throw new HelpFormatException(file, top.Line, $"the page has no '## {title}' section.");

        var synopsisSection = Required("SYNOPSIS");
        var synopsis = string.Join(" ", Paragraphs(synopsisSection.Body));
        if (synopsis.Length == 0) throw new HelpFormatException(file, synopsisSection.Line, "## SYNOPSIS is empty.");

        var descriptionSection = Required("DESCRIPTION");
        var description = Paragraphs(DescriptionBody(descriptionSection));
        if (description.Count == 0) throw new HelpFormatException(file, descriptionSection.Line, "## DESCRIPTION is empty.");

        var syntax = ParseSyntax(file, Required("SYNTAX"));
        var parameters = ParseParameters(file, Required("PARAMETERS"), syntax);
        var examples = ParseExamples(file, Required("EXAMPLES"));
        var inputs = ParseTypes(Find(top, "INPUTS"));
        var outputs = ParseTypes(Find(top, "OUTPUTS"));
        var notes = Find(top, "NOTES") is { } notesSection ? Paragraphs(DescriptionBody(notesSection)) : new List<string>();
        var links = ParseLinks(file, Find(top, "RELATED LINKS"));
        return new CommandPage(expectedName, synopsis, description, syntax, parameters, inputs, outputs, notes, examples, links);
    }

    private static Section? Find(Section parent, string title) =>
        parent.Children.FirstOrDefault(s => s.Title.Equals(title, StringComparison.OrdinalIgnoreCase));

    /// <summary>Body text plus any sub-headings (kept as text) for the free-text sections.</summary>
    private static IEnumerable<SourceLine> DescriptionBody(Section section) =>
        section.Body.Concat(section.Children.SelectMany(c =>
            new[] { new SourceLine(c.Line, ""), new SourceLine(c.Line, c.Title), new SourceLine(c.Line, "") }.Concat(DescriptionBody(c))));

    private static List<string> Paragraphs(IEnumerable<SourceLine> body)
    {
        var result = new List<string>();
        foreach (var block in Markdown.Blocks(body))
        {
            if (block.Kind == BlockKind.Paragraph) result.AddRange(Markdown.HelpParagraphs(block));
            else result.Add(string.Join("\n", block.Lines));
        }
        return result;
    }

    private static List<SyntaxSet> ParseSyntax(string file, Section section)
    {
        var sets = new List<SyntaxSet>();
        SyntaxSet FromBlock(Section where, string name, bool isDefault)
        {
            var code = Markdown.Blocks(where.Body).Where(b => b.Kind == BlockKind.Code).ToList();
            if (code.Count != 1)
                throw new HelpFormatException(file, where.Line, $"'{where.Title}' in ## SYNTAX needs exactly one fenced code block with the syntax line, found {code.Count}.");
            var text = string.Join(" ", code[0].Lines);
            var names = SyntaxParameter().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return new SyntaxSet(name, isDefault, names);
        }

        if (section.Children.Count == 0) sets.Add(FromBlock(section, AllSets, true));
        else
        {
            if (Markdown.Blocks(section.Body).Any(b => b.Kind == BlockKind.Code))
                throw new HelpFormatException(file, section.Line, "## SYNTAX mixes a code block without a '### <ParameterSet>' heading with named parameter sets.");
            foreach (var child in section.Children)
            {
                var name = child.Title.Trim();
                var isDefault = name.EndsWith("(Default)", StringComparison.OrdinalIgnoreCase);
                if (isDefault) name = name[..^"(Default)".Length].Trim();
                sets.Add(FromBlock(child, name, isDefault));
            }
        }
        return sets;
    }

    private static List<ParameterDoc> ParseParameters(string file, Section section, IReadOnlyList<SyntaxSet> syntax)
    {
        var result = new List<ParameterDoc>();
        foreach (var child in section.Children)
        {
            if (child.Title.Equals("CommonParameters", StringComparison.OrdinalIgnoreCase)) continue;
            if (!child.Title.StartsWith('-') || child.Title.Length < 2 || child.Title.Contains(' '))
                throw new HelpFormatException(file, child.Line, $"'### {child.Title}' in ## PARAMETERS: expected '### -<Name>' or '### CommonParameters'.");
            var name = child.Title[1..];
            var blocks = Markdown.Blocks(child.Body);
            var yaml = blocks.Where(b => b.Kind == BlockKind.Code).ToList();
            if (yaml.Count == 0)
                throw new HelpFormatException(file, child.Line, $"parameter -{name} has no fenced yaml block (Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters).");
            var description = blocks.Where(b => b.Kind == BlockKind.Paragraph).SelectMany(Markdown.HelpParagraphs).ToList();
            if (description.Count == 0)
                throw new HelpFormatException(file, child.Line, $"parameter -{name} has no description.");
            var attributes = yaml.Select(b => ParseYaml(file, name, b)).ToList();
            if (syntax.Any(s => s.Name != AllSets))
            {
                var known = syntax.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var set in attributes.SelectMany(a => a.Sets).Where(s => s != "(All)" && !known.Contains(s)))
                    throw new HelpFormatException(file, child.Line, $"parameter -{name} names the parameter set '{set}', which ## SYNTAX does not have (sets: {string.Join(", ", known)}).");
            }
            result.Add(new ParameterDoc(name, description, attributes));
        }

        foreach (var set in syntax)
            foreach (var name in set.ParameterNames)
            {
                var doc = result.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
                var where = set.Name == AllSets ? "## SYNTAX" : $"the syntax of set '{set.Name}'";
                if (doc is null)
                    throw new HelpFormatException(file, section.Line, $"{where} names -{name}, but ## PARAMETERS has no '### -{name}'.");
                if (set.Name != AllSets && !doc.Blocks.Any(b => b.AppliesTo(set.Name)))
                    throw new HelpFormatException(file, section.Line, $"{where} names -{name}, but no yaml block of -{name} lists that set in 'Parameter Sets'.");
            }
        return result;
    }

    private static ParameterAttributes ParseYaml(string file, string parameter, Block block)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i];
            if (line.Trim().Length == 0) continue;
            var colon = line.IndexOf(':');
            if (colon <= 0)
                throw new HelpFormatException(file, block.Line + 1 + i, $"parameter -{parameter}: '{line.Trim()}' is not a 'Key: value' line.");
            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        foreach (var key in RequiredYamlKeys.Where(k => !values.TryGetValue(k, out var v) || v.Length == 0))
            throw new HelpFormatException(file, block.Line, $"parameter -{parameter}: the yaml block has no '{key}:'.");

        string Get(string key, string fallback) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
        static List<string> List(string value) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        bool Bool(string key)
        {
            var v = Get(key, "False");
            if (bool.TryParse(v, out var b)) return b;
            throw new HelpFormatException(file, block.Line, $"parameter -{parameter}: '{key}: {v}' is neither True nor False.");
        }

        var position = Get("Position", "Named");
        if (!position.Equals("Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
            throw new HelpFormatException(file, block.Line, $"parameter -{parameter}: 'Position: {position}' is neither a number nor Named.");
        return new ParameterAttributes(
            Type: values["Type"],
            Sets: List(values["Parameter Sets"]),
            Aliases: List(Get("Aliases", "")),
            AcceptedValues: List(Get("Accepted values", "")),
            Required: Bool("Required"),
            Position: position.Equals("Named", StringComparison.OrdinalIgnoreCase) ? "named" : position,
            DefaultValue: Get("Default value", "None"),
            PipelineInput: Get("Accept pipeline input", "False"),
            Globbing: Bool("Accept wildcard characters"));
    }

    private static List<Example> ParseExamples(string file, Section section)
    {
        var examples = new List<Example>();
        foreach (var child in section.Children)
        {
            var blocks = Markdown.Blocks(child.Body);
            var code = blocks.Where(b => b.Kind == BlockKind.Code).ToList();
            if (code.Count == 0)
                throw new HelpFormatException(file, child.Line, $"example '{child.Title}' has no fenced code block.");
            var remarks = blocks.Where(b => b.Kind == BlockKind.Paragraph).SelectMany(Markdown.HelpParagraphs).ToList();
            examples.Add(new Example(child.Title, string.Join("\n\n", code.Select(c => string.Join("\n", c.Lines))), remarks));
        }
        if (examples.Count == 0)
            throw new HelpFormatException(file, section.Line, "## EXAMPLES has no '### Example 1: <title>' with a code block.");
        return examples;
    }

    private static List<TypeDoc> ParseTypes(Section? section) =>
        section is null ? new List<TypeDoc>() : section.Children.Select(c => new TypeDoc(c.Title.Trim(), Paragraphs(c.Body))).ToList();

    private static List<RelatedLink> ParseLinks(string file, Section? section)
    {
        var links = new List<RelatedLink>();
        if (section is null) return links;
        if (section.Children.Count > 0)
            throw new HelpFormatException(file, section.Children[0].Line,
                $"'{section.Children[0].Title}' under ## RELATED LINKS: a section there means a heading level went wrong above.");
        foreach (var line in section.Body.Select(l => l.Text.Trim()).Where(t => t.Length > 0))
        {
            var found = Markdown.Links(line).ToList();
            if (found.Count == 0) links.Add(new RelatedLink(line, ""));
            // Only absolute addresses are useful to Get-Help -Online; a link to a sibling page keeps its name.
            else links.AddRange(found.Select(l => new RelatedLink(l.Text, Uri.TryCreate(l.Uri, UriKind.Absolute, out _) ? l.Uri : "")));
        }
        return links;
    }
}
