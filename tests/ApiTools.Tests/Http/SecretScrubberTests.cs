using System.Text;
using ApiTools.Http;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Http;

/// <summary>The forms a secret can come back in from a careless or hostile server, one by one: each is cut out, or the text
/// withheld, and what was not a secret stays readable.</summary>
public sealed class SecretScrubberTests
{
    private const string Token = "Ab+cD/ef=Gh1234";
    private const string Sid = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static readonly Secret[] Secrets = [Secret.FromString(Token), Secret.FromString(Sid), Secret.FromString("ключ-пароль")];

    public static TheoryData<string, string> Echoes() => new()
    {
        { "as it is", $"bad token {Token} here" },
        { "JSON, '+' and '/' escaped", "bad token Ab\\u002BcD\\/ef\\u003DGh1234 here" },
        { "JSON, every character", string.Concat(Token.Select(c => $"\\u{(int)c:x4}")) },
        { "URL-encoded", "token=" + Uri.EscapeDataString(Token) },
        { "URL-encoded twice", "token=" + Uri.EscapeDataString(Uri.EscapeDataString(Token)) },
        { "XML references", string.Concat(Token.Select(c => $"&#{(int)c};")) },
        { "base64", "X-Echo: " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key:" + Token)) },
        { "base64 of base64", Convert.ToBase64String(Encoding.UTF8.GetBytes("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("k:" + Token)))) },
        { "base64 in lines", string.Join("\n", Chunks(Convert.ToBase64String(Encoding.UTF8.GetBytes("Authorization: Bearer " + Token)), 16)) },
        { "a session id upper-cased", "sid " + Sid.ToUpperInvariant() },
        { "Cyrillic, percent-encoded", "p=" + Uri.EscapeDataString("ключ-пароль") },
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void No_form_of_a_secret_survives(string form, string echoed)
    {
        var scrubbed = SecretScrubber.Scrub("The server said: " + echoed + ". Try again.", Secrets);

        Assert.False(new[] { Token, Sid, "ключ-пароль" }.Any(s => SecretSearch.Finds(scrubbed, s) || scrubbed.Contains(s, StringComparison.OrdinalIgnoreCase)), $"{form}: {scrubbed}");
        // Cut out where it could be, the rest still readable; or, one layer too deep, the whole text withheld.
        Assert.True(scrubbed == SecretScrubber.Withheld || scrubbed.StartsWith("The server said: ", StringComparison.Ordinal), scrubbed);
    }

    [Fact]
    public void Text_without_a_secret_is_left_as_it_was()
    {
        const string text = "Evotor said: price must be positive (\\u0022price\\u0022: -5), see https://api.evotor.ru/docs?x=%20y";
        Assert.Equal(text, SecretScrubber.Scrub(text, Secrets));
        Assert.False(SecretScrubber.Reveals(text, Secrets));
    }

    private static IEnumerable<string> Chunks(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }
}
