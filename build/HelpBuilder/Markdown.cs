using System.Text.RegularExpressions;

namespace ApiTools.HelpBuilder;

/// <summary>One line of a source file, with its 1-based number for error messages.</summary>
internal readonly record struct SourceLine(int Number, string Text);

/// <summary>A heading and what follows it up to the next heading of the same or a higher level.</summary>
internal sealed class Section
{
    public required string Title { get; init; }
    public required int Level { get; init; }
    public required int Line { get; init; }
    public List<SourceLine> Body { get; } = new();
    public List<Section> Children { get; } = new();
}

internal enum BlockKind { Paragraph, Code }

/// <summary>A paragraph (its lines) or a fenced code block (its language and lines).</summary>
internal sealed record Block(BlockKind Kind, int Line, string Language, IReadOnlyList<string> Lines);

/// <summary>A malformed page: reported as "file(line): error HELP001: message" so MSBuild shows it as an error.</summary>
internal sealed class HelpFormatException(string file, int line, string message) : Exception(message)
{
    public string File { get; } = file;
    public int SourceLineNumber { get; } = line;
}

/// <summary>
/// Just enough Markdown for help pages: YAML front matter, ATX headings, paragraphs and fenced code blocks.
/// A '#' inside a fence (a PowerShell comment in an example) is code, never a heading.
/// </summary>
internal static partial class Markdown
{
    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    public static List<SourceLine> ReadLines(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n").Replace('\r', '\n');
        return text.Split('\n').Select((t, i) => new SourceLine(i + 1, t)).ToList();
    }

    /// <summary>Removes the front matter ("---" ... "---" at the very top) and returns its key/value pairs.</summary>
    public static Dictionary<string, (string Value, int Line)> StripFrontMatter(string file, List<SourceLine> lines)
    {
        var result = new Dictionary<string, (string, int)>(StringComparer.OrdinalIgnoreCase);
        if (lines.Count == 0 || lines[0].Text.Trim() != "---") return result;
        var end = lines.FindIndex(1, l => l.Text.Trim() == "---");
        if (end < 0) throw new HelpFormatException(file, 1, "the front matter that starts on line 1 has no closing '---'.");
        foreach (var line in lines.Skip(1).Take(end - 1))
        {
            var colon = line.Text.IndexOf(':');
            if (colon > 0) result[line.Text[..colon].Trim()] = (line.Text[(colon + 1)..].Trim(), line.Number);
        }
        lines.RemoveRange(0, end + 1);
        return result;
    }

    /// <summary>The heading tree of the page. Text before the first heading is returned as the root's body.</summary>
    public static Section Parse(string file, IReadOnlyList<SourceLine> lines)
    {
        var root = new Section { Title = "", Level = 0, Line = 1 };
        var stack = new Stack<Section>();
        stack.Push(root);
        string? fence = null;
        var fenceLine = 0;
        foreach (var line in lines)
        {
            var trimmed = line.Text.TrimStart();
            if (fence is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0) fence = null;
                stack.Peek().Body.Add(line);
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = new string(trimmed[0], trimmed.TakeWhile(c => c == trimmed[0]).Count());
                fenceLine = line.Number;
                stack.Peek().Body.Add(line);
                continue;
            }
            var m = Heading().Match(line.Text);
            if (m.Success)
            {
                var section = new Section { Title = m.Groups[2].Value, Level = m.Groups[1].Length, Line = line.Number };
                while (stack.Peek().Level >= section.Level) stack.Pop();
                stack.Peek().Children.Add(section);
                stack.Push(section);
                continue;
            }
            stack.Peek().Body.Add(line);
        }
        if (fence is not null) throw new HelpFormatException(file, fenceLine, $"the code block opened with {fence} on line {fenceLine} is never closed.");
        return root;
    }

    /// <summary>Splits a section body into paragraphs and fenced code blocks.</summary>
    public static List<Block> Blocks(IEnumerable<SourceLine> body)
    {
        var blocks = new List<Block>();
        var paragraph = new List<string>();
        var paragraphLine = 0;
        List<string>? code = null;
        string fence = "", language = "";
        var codeLine = 0;

        void FlushParagraph()
        {
            if (paragraph.Count > 0) blocks.Add(new Block(BlockKind.Paragraph, paragraphLine, "", paragraph.ToList()));
            paragraph.Clear();
        }

        foreach (var line in body)
        {
            var trimmed = line.Text.TrimStart();
            if (code is not null)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0)
                {
                    blocks.Add(new Block(BlockKind.Code, codeLine, language, code));
                    code = null;
                }
                else code.Add(line.Text);
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                FlushParagraph();
                fence = new string(trimmed[0], trimmed.TakeWhile(c => c == trimmed[0]).Count());
                language = trimmed[fence.Length..].Trim();
                codeLine = line.Number;
                code = new List<string>();
                continue;
            }
            if (line.Text.Trim().Length == 0) { FlushParagraph(); continue; }
            if (paragraph.Count == 0) paragraphLine = line.Number;
            paragraph.Add(line.Text);
        }
        FlushParagraph();
        return blocks;
    }

    /// <summary>
    /// A paragraph as help text: soft-wrapped lines joined with spaces, each list item its own paragraph,
    /// links reduced to their text, code-span backticks and bold/italic markers removed.
    /// </summary>
    public static IEnumerable<string> HelpParagraphs(Block paragraph)
    {
        var current = new List<string>();
        foreach (var line in paragraph.Lines)
        {
            if (ListItem().IsMatch(line) && current.Count > 0)
            {
                yield return Inline(string.Join(" ", current));
                current.Clear();
            }
            current.Add(line.Trim());
        }
        if (current.Count > 0) yield return Inline(string.Join(" ", current));
    }

    /// <summary>Inline Markdown to plain text. Links keep their address only when it is absolute.</summary>
    public static string Inline(string text, bool keepAbsoluteLinks = false)
    {
        text = Link().Replace(text, m =>
            keepAbsoluteLinks && Uri.TryCreate(m.Groups[2].Value, UriKind.Absolute, out _) ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value);
        text = text.Replace("**", "").Replace("`", "");
        return Regex.Replace(text, @"\\([\\`*_{}\[\]()<>#+\-.!|])", "$1");
    }

    public static IEnumerable<(string Text, string Uri)> Links(string line)
    {
        foreach (Match m in Link().Matches(line)) yield return (m.Groups[1].Value, m.Groups[2].Value);
    }
}
