using System.Collections.Concurrent;

namespace ApiTools.Http;

/// <summary>
/// The base URIs that have answered in this process (any status). A base URI that refuses the very first connection is
/// more likely a mistake (a wrong host or port, a service not started) than a passing fault: it gets
/// <see cref="FirstContactPatience"/> of retries, not the whole retry budget, and the error names the base URI and where it
/// came from. Once anything answered there, a refused connection is retried as any transient fault.
/// </summary>
internal static class ReachedBases
{
    /// <summary>How long a base URI that has never answered is tried before the call fails.</summary>
    public static readonly TimeSpan FirstContactPatience = TimeSpan.FromSeconds(3);

    private static readonly ConcurrentDictionary<string, byte> Answered = new(StringComparer.OrdinalIgnoreCase);

    public static void Mark(Uri baseUri) => Answered.TryAdd(baseUri.AbsoluteUri, 0);

    public static bool Ever(Uri baseUri) => Answered.ContainsKey(baseUri.AbsoluteUri);
}
