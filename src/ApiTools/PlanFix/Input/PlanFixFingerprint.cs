using System.Security.Cryptography;
using System.Text;

namespace ApiTools.PlanFix.Input;

/// <summary>
/// A short digest of an object's writable fields as read (the Fingerprint column of contacts and projects). An
/// Import-Csv row that carries it is compared field by field: only the fields whose text changed since the read are
/// sent, and a row left as it was sends nothing. Scalar fields are hashed in a fixed order; custom fields are keyed by
/// their name's hash, so adding or reordering them is seen. The digest is not a secret and says nothing of the values.
/// </summary>
internal static class PlanFixFingerprint
{
    private const char Version = '1';

    /// <summary>The fingerprint of <paramref name="fields"/>: the first <paramref name="scalars"/> are the kind's fixed fields, the rest custom ones.</summary>
    public static string Of(IReadOnlyList<KeyValuePair<string, string>> fields, int scalars)
    {
        var bytes = new List<byte>(fields.Count * 7);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i >= scalars) bytes.AddRange(Hash(fields[i].Key, 3));
            bytes.AddRange(Hash(fields[i].Key + "\n" + fields[i].Value, 4));
        }
        return Version + Convert.ToBase64String(bytes.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The keys of <paramref name="current"/> whose text differs from when <paramref name="stored"/> was made; null when
    /// <paramref name="stored"/> is not a fingerprint of this kind (then the row is taken as it is, every field given).</summary>
    public static HashSet<string>? Changed(string? stored, IReadOnlyList<KeyValuePair<string, string>> current, int scalars)
    {
        var bytes = Decode(stored);
        if (bytes is null || bytes.Length < scalars * 4 || (bytes.Length - scalars * 4) % 7 != 0) return null;
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scalars; i++)
            if (!Same(bytes, i * 4, Hash(current[i].Key + "\n" + current[i].Value, 4))) changed.Add(current[i].Key);
        var was = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var duplicated = new HashSet<string>(StringComparer.Ordinal);
        for (var at = scalars * 4; at < bytes.Length; at += 7)
        {
            var key = Convert.ToBase64String(bytes, at, 3);
            if (was.ContainsKey(key)) duplicated.Add(key);
            was[key] = bytes.Skip(at + 3).Take(4).ToArray();
        }
        for (var i = scalars; i < current.Count; i++)
        {
            var key = Convert.ToBase64String(Hash(current[i].Key, 3));
            var value = Hash(current[i].Key + "\n" + current[i].Value, 4);
            if (duplicated.Contains(key) || !was.TryGetValue(key, out var before) || !Same(before, 0, value)) changed.Add(current[i].Key);
        }
        return changed;
    }

    private static byte[]? Decode(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || stored![0] != Version) return null;
        var text = stored.Substring(1).Trim().Replace('-', '+').Replace('_', '/');
        text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { return null; }
    }

    private static byte[] Hash(string text, int length)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Take(length).ToArray();
    }

    private static bool Same(byte[] bytes, int at, byte[] hash)
    {
        for (var i = 0; i < hash.Length; i++)
            if (bytes[at + i] != hash[i]) return false;
        return true;
    }
}
