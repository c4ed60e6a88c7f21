using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ApiTools.Http;

/// <summary>
/// Cuts secrets out of text a server sent, in every form a server could echo them in: as they are, with any of their
/// characters JSON-escaped (<c>\u002B</c>), percent-encoded (<c>%2B</c>) or written as an XML character reference
/// (<c>&amp;#43;</c>), and inside base64 (a Basic credential is base64 of <c>key:token</c>). The transport runs it on
/// the raw error body before any parser sees it and again on every error made from an answer, after the parsers have
/// decoded it. A text that still shows a secret once one more layer of encoding is taken off is withheld whole.
/// </summary>
internal static class SecretScrubber
{
    public const string Mask = "********";

    /// <summary>What stands in place of a text that shows a secret in a form that could not be cut out.</summary>
    public const string Withheld = "(text withheld: it repeated a credential in a form that could not be cut out)";

    /// <summary>Shorter secrets (test tokens such as "t") are replaced only where they stand as they are in a raw body, and
    /// not looked for in messages made from it: found in every word, they would withhold every message.</summary>
    private const int MinEncodedLength = 6;

    private static readonly Regex Base64Run = new(@"[A-Za-z0-9+/_\-]{8,}={0,2}", RegexOptions.CultureInvariant);
    private static readonly Regex JsonEscape = new(@"\\u([0-9A-Fa-f]{4})|\\([""\\/])", RegexOptions.CultureInvariant);
    private static readonly Regex PercentRun = new(@"(?:%[0-9A-Fa-f]{2})+", RegexOptions.CultureInvariant);
    private static readonly Regex WhiteSpace = new(@"\s+", RegexOptions.CultureInvariant);
    private static readonly Regex CharReference = new(@"&#(?:[xX]([0-9A-Fa-f]{1,6})|([0-9]{1,7}));|&(amp|lt|gt|quot|apos);", RegexOptions.CultureInvariant);

    /// <summary><paramref name="text"/> with every form of every secret replaced by <see cref="Mask"/>, or
    /// <see cref="Withheld"/> when a secret still shows through one more layer of encoding.</summary>
    public static string Scrub(string? text, IEnumerable<Secret> secrets)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var list = secrets.ToList();
        if (list.Count == 0) return text!;
        var result = text!;
        foreach (var secret in list)
            result = secret.Length < MinEncodedLength ? result.Replace(secret.Reveal(), Mask) : secret.EchoPattern.Replace(result, Mask);
        result = Base64Run.Replace(result, m => HidesSecret(m.Value, list) ? Mask : m.Value);
        return Reveals(result, list) ? Withheld : result;
    }

    /// <summary>True where <paramref name="text"/> shows a secret (of <see cref="MinEncodedLength"/> characters or more): as
    /// it is, escaped, inside base64, or once one more layer of JSON, URL or XML encoding is taken off.</summary>
    public static bool Reveals(string? text, IEnumerable<Secret> secrets)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var list = secrets as IReadOnlyList<Secret> ?? secrets.ToList();
        if (list.Count == 0) return false;
        if (ShowsDirectly(text!, list)) return true;
        foreach (var decoded in new[] { DecodeJson(text!), DecodePercent(text!), DecodeReferences(text!), WithoutWhiteSpace(text!) })
            if (!string.Equals(decoded, text, StringComparison.Ordinal) && ShowsDirectly(decoded, list)) return true;
        return false;
    }

    /// <summary>A pattern for <paramref name="value"/> in which each character may also stand JSON-escaped, percent-encoded
    /// (its UTF-8 bytes) or as an XML character reference, in any mix.</summary>
    internal static Regex PatternFor(string value)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var pair = char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            var text = pair ? value.Substring(i, 2) : value.Substring(i, 1);
            var codePoint = pair ? char.ConvertToUtf32(value[i], value[i + 1]) : value[i];
            pattern.Append("(?:").Append(Regex.Escape(text));
            pattern.Append('|');
            foreach (var unit in text) pattern.Append(@"\\u").Append(Hex(unit, "X4"));
            if (text is "/" or "\"" or "\\") pattern.Append('|').Append(Regex.Escape("\\" + text));
            if (!char.IsSurrogate(text[0]))
            {
                pattern.Append('|');
                foreach (var b in Encoding.UTF8.GetBytes(text)) pattern.Append('%').Append(Hex(b, "X2"));
            }
            if (text == " ") pattern.Append(@"|\+");
            pattern.Append("|&#0*").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
            pattern.Append("|&#[xX]0*").Append(Hex(codePoint, "X")).Append(';');
            var named = text switch { "&" => "amp", "<" => "lt", ">" => "gt", "\"" => "quot", "'" => "apos", _ => null };
            if (named is not null) pattern.Append("|&").Append(named).Append(';');
            pattern.Append(')');
            if (pair) i++;
        }
        // Either case: a server that upper-cases what it echoes (a hex session id) still shows the secret.
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    /// <summary>Hex digits of <paramref name="value"/>, each letter matching either case.</summary>
    private static string Hex(int value, string format)
    {
        var sb = new StringBuilder();
        foreach (var c in value.ToString(format, CultureInfo.InvariantCulture))
            sb.Append(char.IsLetter(c) ? $"[{c}{char.ToLowerInvariant(c)}]" : c.ToString());
        return sb.ToString();
    }

    private static bool ShowsDirectly(string text, IReadOnlyList<Secret> secrets)
    {
        foreach (var secret in secrets)
            if (secret.Length >= MinEncodedLength && secret.EchoPattern.IsMatch(text)) return true;
        for (var m = Base64Run.Match(text); m.Success; m = m.NextMatch())
            if (HidesSecret(m.Value, secrets)) return true;
        return false;
    }

    /// <summary>True where a base64 word decodes (from any of its first four characters, standard or URL alphabet) to
    /// text that shows a secret, itself or in a base64 word of its own (an echoed Basic header, base64 again).</summary>
    private static bool HidesSecret(string run, IReadOnlyList<Secret> secrets, int depth = 0)
    {
        if (!secrets.Any(s => s.Length >= MinEncodedLength)) return false;
        var standard = run.TrimEnd('=').Replace('-', '+').Replace('_', '/');
        for (var offset = 0; offset < 4 && standard.Length - offset >= 8; offset++)
        {
            var part = standard.Substring(offset);
            var rest = part.Length % 4;
            part = rest == 1 ? part.Substring(0, part.Length - 1) : part + new string('=', (4 - rest) % 4);
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(part);
            }
            catch (FormatException)
            {
                continue;
            }
            var decoded = Encoding.UTF8.GetString(bytes);
            foreach (var secret in secrets)
                if (secret.Length >= MinEncodedLength && secret.EchoPattern.IsMatch(decoded)) return true;
            if (depth == 0)
                for (var m = Base64Run.Match(decoded); m.Success; m = m.NextMatch())
                    if (HidesSecret(m.Value, secrets, depth + 1)) return true;
        }
        return false;
    }

    /// <summary>The text with its white space taken out: base64 broken into lines, a secret spaced out.</summary>
    private static string WithoutWhiteSpace(string text) => WhiteSpace.Replace(text, "");

    private static string DecodeJson(string text) =>
        JsonEscape.Replace(text, m => m.Groups[1].Success
            ? ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()
            : m.Groups[2].Value);

    private static string DecodePercent(string text) =>
        PercentRun.Replace(text, m =>
        {
            var bytes = new byte[m.Length / 3];
            for (var i = 0; i < bytes.Length; i++)
                bytes[i] = byte.Parse(m.Value.Substring(i * 3 + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            return Encoding.UTF8.GetString(bytes);
        });

    private static string DecodeReferences(string text) =>
        CharReference.Replace(text, m =>
        {
            if (m.Groups[3].Success)
                return m.Groups[3].Value switch { "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", _ => "'" };
            var code = m.Groups[1].Success
                ? int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            return code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : m.Value;
        });
}
