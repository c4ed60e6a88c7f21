using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ApiTools.Tests.Support;

/// <summary>
/// Looks for a secret in text the way someone reading a log could find it: as it is, or after taking off JSON escapes,
/// URL encoding, XML/HTML character references, or base64 (any word of it, from any of its first four characters), one
/// layer or two. Written apart from the library's scrubber, so the tests do not grade it by its own rules.
/// </summary>
public static partial class SecretSearch
{
    /// <summary>True where <paramref name="text"/> shows <paramref name="secret"/> in any of those forms.</summary>
    public static bool Finds(string? text, string secret)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var layer = new List<string> { text };
        for (var depth = 0; depth < 3; depth++)
        {
            var next = new List<string>();
            foreach (var t in layer)
            {
                if (!seen.Add(t)) continue;
                if (t.Contains(secret, StringComparison.Ordinal)) return true;
                next.Add(JsonUnescape(t));
                next.Add(UrlDecode(t));
                next.Add(WebUtility.HtmlDecode(t));
                next.AddRange(Base64Words(t));
            }
            layer = next;
        }
        return false;
    }

    private static string JsonUnescape(string text) =>
        JsonEscape().Replace(text, m => m.Groups[1].Success ? ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString() : m.Groups[2].Value);

    private static string UrlDecode(string text)
    {
        try { return Uri.UnescapeDataString(text); }
        catch (Exception) { return text; }
    }

    private static IEnumerable<string> Base64Words(string text)
    {
        foreach (Match word in Base64Word().Matches(text))
        {
            var standard = word.Value.TrimEnd('=').Replace('-', '+').Replace('_', '/');
            for (var offset = 0; offset < 4 && standard.Length - offset >= 4; offset++)
            {
                var part = standard[offset..];
                part = part.Length % 4 == 1 ? part[..^1] : part + new string('=', (4 - part.Length % 4) % 4);
                byte[] bytes;
                try { bytes = Convert.FromBase64String(part); }
                catch (FormatException) { continue; }
                yield return Encoding.UTF8.GetString(bytes);
            }
        }
    }

    [GeneratedRegex(@"\\u([0-9A-Fa-f]{4})|\\([""\\/])")]
    private static partial Regex JsonEscape();

    [GeneratedRegex(@"[A-Za-z0-9+/_\-]{6,}={0,2}")]
    private static partial Regex Base64Word();
}
