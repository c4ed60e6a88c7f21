using System.Collections.Concurrent;
using System.Net;

namespace ApiTools.Http;

/// <summary>One HttpClient per base URI for the whole process, so every cmdlet call and runspace
/// reuses pooled connections instead of opening sockets per call.</summary>
internal static class HttpClientPool
{
    private static readonly ConcurrentDictionary<string, HttpClient> Clients = new(StringComparer.OrdinalIgnoreCase);

    public static HttpClient Get(Uri baseUri) =>
        Clients.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority), _ => Create(BaseUriRules.IsLoopback(baseUri)));

    private static HttpClient Create(bool loopback)
    {
        // HttpClientHandler runs on the pooled SocketsHttpHandler in PowerShell 7; in 5.1 it is the
        // .NET Framework handler. Decompression on; certificate validation is never touched.
        var handler = new HttpClientHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Loopback may be plain http (the emulator), so a proxy from HTTP_PROXY would see the token in clear; this
            // machine needs none. A caller who wants one for loopback gives the client a handler of their own.
            UseProxy = !loopback,
        };
        // Timeouts are per attempt in the transport, where they can be told apart from a caller's cancel.
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
