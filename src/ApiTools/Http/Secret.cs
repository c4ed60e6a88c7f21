using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace ApiTools.Http;

/// <summary>
/// A credential (token, API key, password, session id). It never prints itself: ToString is a
/// mask, the plain text is readable only inside the client library, and what identifies it for
/// shared rate budgets is a hash. This is the one place secrets are held.
/// </summary>
public sealed class Secret
{
    private readonly string _value;

    private Secret(string value)
    {
        _value = value;
        Fingerprint = HashOf(value);
    }

    /// <summary>SHA-256 of the secret, hex: identifies the key for shared limiters without revealing it.</summary>
    internal string Fingerprint { get; }

    internal int Length => _value.Length;

    public static Secret FromString(string value)
    {
        if (string.IsNullOrEmpty(value))
            throw new ArgumentException("A credential must not be empty.", nameof(value));
        return new Secret(value);
    }

    public static Secret FromSecureString(SecureString value)
    {
        if (value is null || value.Length == 0)
            throw new ArgumentException("A credential must not be empty.", nameof(value));
        var ptr = Marshal.SecureStringToGlobalAllocUnicode(value);
        try
        {
            return new Secret(Marshal.PtrToStringUni(ptr)!);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(ptr);
        }
    }

    internal string Reveal() => _value;

    /// <summary>This secret in any of the forms a server could echo it in (see <see cref="SecretScrubber"/>), made once.</summary>
    internal System.Text.RegularExpressions.Regex EchoPattern => _echoPattern ??= SecretScrubber.PatternFor(_value);

    private System.Text.RegularExpressions.Regex? _echoPattern;

    /// <summary>The first character that cannot travel in an HTTP header (a line break, another control character), or null.</summary>
    internal char? ControlCharacter
    {
        get
        {
            foreach (var c in _value)
                if (c < ' ' || c == '\u007f') return c;
            return null;
        }
    }

    public override string ToString() => "********";

    /// <summary>SHA-256 of <paramref name="value"/>'s UTF-8, lower-case hex.</summary>
    internal static string HashOf(string value)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(value));
        var sb = new StringBuilder(hash.Length * 2);
        foreach (var b in hash) sb.Append(b.ToString("x2"));
        return sb.ToString();
    }
}
