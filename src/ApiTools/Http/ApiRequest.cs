using System.Text;

namespace ApiTools.Http;

/// <summary>One logical call. The transport rebuilds the HttpRequestMessage for every attempt
/// from this, so a retried body is sent whole again.</summary>
public sealed class ApiRequest
{
    public ApiRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    public HttpMethod Method { get; }

    /// <summary>Path relative to the service's base URI, without query string.</summary>
    public string Path { get; }

    public List<KeyValuePair<string, string>> Query { get; } = new();

    /// <summary>The API's own name for the call where the path says little (PlanFix: every call is a POST to one
    /// URL, named by its XML method, "task.getList"); null: the path names it. Messages, verbose lines and errors
    /// show it in the path's place.</summary>
    public string? Operation { get; set; }

    /// <summary>What names the call in messages and errors: the operation, else the path.</summary>
    public string ShownPath => Operation ?? Path;

    /// <summary>A request for <paramref name="uri"/>, outside the API (<see cref="ExternalUri"/>); messages show its
    /// scheme, host and path, never its query (a signed link carries its key there).</summary>
    public static ApiRequest External(Uri uri) =>
        new(HttpMethod.Get, uri.GetLeftPart(UriPartial.Path)) { ExternalUri = uri };

    /// <summary>Makes the body for one attempt (null: no body). Called once per attempt.</summary>
    public Func<HttpContent>? Content { get; set; }

    /// <summary>How long the body of a successful answer may take once its headers came: a download's whole-body time
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: a streamed list that bounds its own silences). Null: the attempt timeout
    /// covers headers and body together.</summary>
    public TimeSpan? BodyTimeout { get; set; }

    /// <summary>A URI outside the service's API (a file a service answer points to, often on another host): asked for
    /// as it is, with no credentials and no API media type. Null: <see cref="Path"/> under the service's base URI.</summary>
    public Uri? ExternalUri { get; set; }

    /// <summary>A redirect (3xx) answer is handed to the reader like a success, so it can choose where to go next (and
    /// with which credentials); otherwise it is an error. Nothing follows redirects by itself.</summary>
    public bool PassesRedirects { get; set; }

    /// <summary>A key the server deduplicates on, made once before the first attempt; makes a POST safe to retry.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>GET, HEAD, PUT, DELETE and keyed writes may be retried after any transient failure;
    /// other writes only where the server certainly did not act (429, connection refused).</summary>
    public bool IsIdempotent =>
        IdempotencyKey is not null
        || Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Put
        || Method == HttpMethod.Delete || Method == HttpMethod.Options;

    public ApiRequest AddQuery(string name, string? value)
    {
        if (value is not null) Query.Add(new KeyValuePair<string, string>(name, value));
        return this;
    }

    internal string BuildRelativeUri()
    {
        var sb = new StringBuilder(Path.TrimStart('/'));
        for (var i = 0; i < Query.Count; i++)
        {
            sb.Append(i == 0 ? '?' : '&')
              .Append(Uri.EscapeDataString(Query[i].Key)).Append('=')
              .Append(Uri.EscapeDataString(Query[i].Value));
        }
        return sb.ToString();
    }

    /// <summary>What messages may show: method and path, never the query (it can carry filters the user
    /// did not ask to see in errors) nor the body.</summary>
    public override string ToString() => ExternalUri is null ? $"{Method.Method} /{ShownPath.TrimStart('/')}" : $"{Method.Method} {Path}";
}
