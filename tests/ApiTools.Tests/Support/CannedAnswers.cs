using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ApiTools.Tests.Support;

/// <summary>
/// A handler that answers from a script instead of a server: each request is recorded (method, path and query, headers,
/// body) and answered by the first rule that matches it. What a client sends and how it reads what comes back can then
/// be tested without Kestrel, through the clients' transport seam.
/// </summary>
public sealed class CannedAnswers : HttpMessageHandler
{
    private readonly List<(Func<Sent, bool> Matches, Func<Sent, HttpResponseMessage> Answer)> _rules = new();

    public ConcurrentQueue<Sent> Requests { get; } = new();

    /// <summary>Answers requests whose path and query (relative to the host, e.g. "/stores?cursor=a") satisfy <paramref name="matches"/>.</summary>
    public CannedAnswers When(Func<Sent, bool> matches, Func<Sent, HttpResponseMessage> answer)
    {
        _rules.Add((matches, answer));
        return this;
    }

    /// <summary>Answers requests whose path ends with <paramref name="pathEnd"/> (query ignored) with a fixed body.</summary>
    public CannedAnswers OnPath(string pathEnd, string body, string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK) =>
        When(s => s.Path.EndsWith(pathEnd, StringComparison.Ordinal), _ => Answer(body, mediaType, status));

    public static HttpResponseMessage Answer(string body, string mediaType = "application/json", HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = new Sent(request.Method.Method, request.RequestUri!.AbsolutePath, request.RequestUri.Query,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
            request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken));
        Requests.Enqueue(sent);
        foreach (var (matches, answer) in _rules)
        {
            if (!matches(sent)) continue;
            var response = answer(sent);
            response.RequestMessage = request;
            return response;
        }
        throw new InvalidOperationException($"No canned answer for {sent.Method} {sent.Path}{sent.Query}.");
    }

    /// <summary>One request as the handler saw it.</summary>
    public sealed record Sent(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Body)
    {
        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
    }
}
