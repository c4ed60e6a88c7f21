using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ApiTools.PlanFix.Serialization;

/// <summary>
/// PlanFix keeps descriptions and comments as HTML. What people read in a table or a CSV is its text: tags dropped,
/// line breaks where the HTML breaks lines (br, p, div, li, headings, table rows), entities decoded, runs of spaces
/// one space. The HTML itself stays beside it (DescriptionHtml), and a row whose text was not edited writes its HTML
/// back unchanged (<see cref="ForWrite"/>), so a CSV round trip never strips formatting.
/// </summary>
public static class PlanFixHtml
{
    private static readonly Regex Hidden = new(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex Breaks = new(@"<\s*br\s*/?\s*>|</\s*(p|div|li|h[1-6]|tr|blockquote|pre)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex ListItem = new(@"<\s*li\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Cell = new(@"</\s*t[dh]\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Tag = new(@"<[^>]*>", RegexOptions.CultureInvariant);
    private static readonly Regex Spaces = new(@"[ \t\f\v\u00A0]+", RegexOptions.CultureInvariant);
    private static readonly Regex Blank = new(@"\n{3,}", RegexOptions.CultureInvariant);

    /// <summary>The text of <paramref name="html"/>; null for null. Text without markup comes back as it was (trimmed).</summary>
    public static string? Text(string? html)
    {
        if (html is null) return null;
        var text = html.Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.IndexOf('<') >= 0)
        {
            // Source line breaks mean nothing in HTML; the tags say where lines break.
            text = text.Replace('\n', ' ');
            text = Hidden.Replace(text, "");
            text = Breaks.Replace(text, "\n");
            text = ListItem.Replace(text, "• ");
            text = Cell.Replace(text, " ");
            text = Tag.Replace(text, "");
        }
        text = WebUtility.HtmlDecode(text);
        var lines = Spaces.Replace(text, " ").Split('\n').Select(l => l.Trim());
        return Blank.Replace(string.Join("\n", lines), "\n\n").Trim();
    }

    /// <summary>
    /// What to send for a description given as <paramref name="text"/> (the Description column or parameter) and
    /// <paramref name="html"/> (the DescriptionHtml column): the HTML when the text is still what it reads as (an
    /// unedited CSV row: its formatting is kept), else the text as given (PlanFix takes text, and markup in it), else the
    /// HTML alone.
    /// </summary>
    public static string? ForWrite(string? text, string? html)
    {
        if (html is null) return text;
        if (text is null) return html;
        return Same(Text(html), text) ? html : text;
    }

    private static bool Same(string? a, string b) =>
        string.Equals(Normal(a ?? ""), Normal(b), StringComparison.Ordinal);

    // Export-Csv and editors may change line endings and trailing spaces; neither is an edit.
    private static string Normal(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var line in s.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n')) sb.Append(line.TrimEnd()).Append('\n');
        return sb.ToString().Trim();
    }
}
