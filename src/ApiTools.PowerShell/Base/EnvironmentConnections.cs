using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ApiTools.PowerShell.Base;

/// <summary>
/// Connections described by environment variables, kept for the process while the variables keep their
/// values. Without it every command would build a new one: a PlanFix login-mode connection would log in
/// again each time and its quota count would start over. Keyed by a hash of the values, never the values.
/// </summary>
internal static class EnvironmentConnections
{
    private static readonly ConcurrentDictionary<string, object> Cache = new(StringComparer.Ordinal);

    public static T? GetOrCreate<T>(string service, IReadOnlyList<string> variables, Func<T?> create) where T : class
    {
        var key = service + "|" + Fingerprint(variables);
        if (Cache.TryGetValue(key, out var known)) return (T)known;
        var made = create();
        return made is null ? null : (T)Cache.GetOrAdd(key, made);
    }

    private static string Fingerprint(IReadOnlyList<string> variables)
    {
        var text = new StringBuilder();
        foreach (var name in variables) text.Append(name).Append('=').Append(Environment.GetEnvironmentVariable(name) ?? "").Append('\n');
        using var sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
