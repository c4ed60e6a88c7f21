using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using ApiTools.Http;
using ApiTools.Http.RateLimiting;
using ApiTools.PlanFix.Serialization;
using ApiTools.Errors;

namespace ApiTools.PlanFix;

/// <summary>
/// PlanFix's XML API: one POST per call to the account's endpoint, in token mode (Basic ApiKey:UserToken) or login
/// mode (Basic ApiKey: plus a session id this connection keeps and renews). Calls are paced by the shared limiter
/// (1/s by default, per account and key, across the process), retried by the transport (429, 0011 and 3014 on
/// calls that are safe to repeat), and counted against the daily quota.
/// </summary>
public sealed partial class PlanFixClient
{
    public const string ServiceName = "PlanFix";

    /// <summary>PlanFix's largest page (pageSize above it is error 0021).</summary>
    public const int MaxPageSize = 100;

    private static readonly ProductInfoHeaderValue UserAgent = new("ApiTools", typeof(PlanFixClient).Assembly.GetName().Version?.ToString(3) ?? "0");
    private static readonly MediaTypeWithQualityHeaderValue XmlMedia = new("application/xml");
    private static readonly Regex MethodName = new(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$", RegexOptions.CultureInvariant);

    // The API method of the call in flight on this async flow: the transport knows only "POST /", so the observer's
    // lines and the HTTP-level error messages take the method name from here.
    private static readonly AsyncLocal<string?> MethodInFlight = new();

    private readonly PlanFixErrorMapper _errors;
    private readonly IApiObserver _observer;

    /// <summary>PlanFix limits per account and key: the limiter registry's key for a connection.</summary>
    internal static Uri LimiterKey(PlanFixConnection connection) =>
        new(connection.BaseUri, "?account=" + Uri.EscapeDataString(connection.Account));

    /// <summary>A pace in words, as the limiter registry keeps it.</summary>
    internal static string Pace(double requestsPerSecond) =>
        requestsPerSecond.ToString("0.###", CultureInfo.InvariantCulture) + " request(s) a second";

    /// <summary>
    /// The pace this process already keeps for the connection's account and key, when it differs from the one the
    /// connection asks for: the first connection to an account and key sets it for the process (they share one
    /// budget), so a later, different -RequestsPerSecond does not apply. Null when the connection's own pace holds.
    /// </summary>
    public static string? PaceAlreadySet(PlanFixConnection connection) =>
        RateLimiterRegistry.PaceOtherThan(ServiceName, LimiterKey(connection), connection.ApiKey, Pace(connection.RequestsPerSecond));

    public PlanFixClient(PlanFixConnection connection, IApiObserver? observer = null)
    {
        Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _observer = new MethodNamingObserver(observer ?? NullApiObserver.Instance);
        _errors = new PlanFixErrorMapper(connection);
        var rate = connection.RequestsPerSecond;
        // One permit per interval, no burst: PlanFix counts the spacing of requests, not requests per window.
        var interval = TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / rate)));
        var limiter = RateLimiterRegistry.GetOrAdd(ServiceName, LimiterKey(connection), connection.ApiKey, () => RateLimiterRegistry.Spaced(interval),
            Pace(connection.RequestsPerSecond));
        Transport = new ApiTransport(
            new TransportOptions(ServiceName, connection.BaseUri, connection.ApiKey, limiter, _errors)
            {
                Retry = connection.Options.Retry,
                Prepare = Prepare,
            },
            _observer);
    }

    public PlanFixConnection Connection { get; }

    /// <summary>The daily quota as this connection knows it.</summary>
    public PlanFixQuota Quota => Connection.Quota.Snapshot();

    internal ApiTransport Transport { get; }

    internal static string? CurrentMethod => MethodInFlight.Value;

    /// <summary>
    /// One call: <paramref name="parameters"/> is a value tree (IDictionary → elements, IEnumerable → the element
    /// repeated, scalars → text, dates in the connection's zone) or null. Returns the <c>&lt;response&gt;</c> element.
    /// In login mode an expired session (0005) is renewed once and the call sent again, unseen by the caller.
    /// </summary>
    public Task<XElement> InvokeAsync(string method, object? parameters, CancellationToken cancellationToken = default) =>
        CallAsync(method, parameters, cancellationToken);

    /// <summary>One call whose parameters are the child elements of <paramref name="body"/> (its own name is not sent;
    /// <c>account</c> and <c>sid</c> children are replaced by the connection's; null: no parameters).</summary>
    public Task<XElement> InvokeAsync(string method, XElement? body, CancellationToken cancellationToken = default) =>
        CallAsync(method, body, cancellationToken);

    private async Task<XElement> CallAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(method) || !MethodName.IsMatch(method.Trim()))
            throw new ArgumentException($"'{method}' is not a PlanFix API method name such as task.getList.", nameof(method));
        method = method.Trim();
        if (Connection.UserToken is not null) return await SendAsync(method, parameters, null, cancellationToken).ConfigureAwait(false);

        var sid = await Connection.Session.GetAsync(LoginAsync, null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(method, parameters, sid, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException expired) when (expired.ErrorCode == PlanFixErrorCodes.SessionExpired)
        {
            // The session ended (PlanFix keeps one for an hour): sign in again once and resend. A page and the one
            // prefetched beside it may both land here; the session hands the second the first one's new sid.
            var fresh = await Connection.Session.GetAsync(LoginAsync, sid, cancellationToken).ConfigureAwait(false);
            return await SendAsync(method, parameters, fresh, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Secret> LoginAsync(CancellationToken cancellationToken)
    {
        var parameters = new System.Collections.Generic.Dictionary<string, object?>
        {
            ["login"] = Connection.Login,
            ["password"] = Connection.Password!.Reveal(),
        };
        var response = await SendAsync("auth.login", parameters, null, cancellationToken).ConfigureAwait(false);
        var sid = response.Element("sid")?.Value.Trim();
        if (string.IsNullOrEmpty(sid))
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, "PlanFix auth.login answered ok without a <sid>.") { Method = "POST", Path = "auth.login" };
        return Secret.FromString(sid!);
    }

    private async Task<XElement> SendAsync(string method, object? parameters, Secret? sid, CancellationToken cancellationToken)
    {
        var body = PlanFixXml.BuildRequest(method, Connection.Account, sid?.Reveal(), parameters, Connection.TimeZone);
        var call = new CallClock();
        var request = new ApiRequest(HttpMethod.Post, "")
        {
            Name = "POST /" + method, // every call is a POST to one URL: messages name the XML method
            // Reads (and task.update, which sets the same values again) are safe to repeat after any transient failure;
            // other writes only where PlanFix certainly did not act (429, connection refused).
            IdempotencyKey = IsSafeToRepeat(method) ? "planfix:" + method : null,
            Content = () =>
            {
                call.StartAttempt();
                var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
                return content;
            },
        };
        MethodInFlight.Value = method;
        return await Transport.SendAsync(request, (response, ct) => ReadAsync(method, call, response, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<XElement> ReadAsync(string method, CallClock call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var warning = Connection.Quota.Observe(RemainingHeader(response));
        if (warning is not null) _observer.OnWarning(warning);

        using var buffer = new MemoryStream();
        using (var stream = await ResponseLimits.OpenAsync(response, ResponseLimits.PlanFixXml, ServiceName).ConfigureAwait(false))
            await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        XElement root;
        try
        {
            root = PlanFixXml.Read(buffer);
        }
        catch (XmlException e) when (e.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            Report(call, method, response, "refused: DTD");
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                $"PlanFix {method} answered with a document type declaration (DTD). It was refused unread: DTDs and external entities are never processed.")
            { StatusCode = (int)response.StatusCode, Method = "POST", Path = method };
        }
        catch (XmlException)
        {
            // Cut short or garbled in transit: the transport tries a read again, and never repeats a write.
            Report(call, method, response, "malformed XML");
            throw;
        }

        var status = root.Name.LocalName == "response" ? root.Attribute("status")?.Value : null;
        if (status == "ok") return root;
        if (status == "error")
        {
            var code = root.Element("code")?.Value.Trim();
            if (code == PlanFixErrorCodes.DailyLimitExceeded) Connection.Quota.Spent();
            Report(call, method, response, "error " + (code ?? "?"));
            throw _errors.FromCode(method, code, root.Element("message")?.Value, (int)response.StatusCode);
        }
        Report(call, method, response, "not a PlanFix response");
        throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
            $"PlanFix {method} answered with <{root.Name.LocalName}{(status is null ? "" : " status=\"" + status + "\"")}> instead of <response status=\"ok|error\">.")
        { StatusCode = (int)response.StatusCode, Method = "POST", Path = method };
    }

    /// <summary>The transport reports calls that end in success or an HTTP error; a PlanFix error arrives as HTTP 200
    /// and is raised while reading, so its line is written here.</summary>
    private void Report(CallClock call, string method, HttpResponseMessage response, string outcome) =>
        _observer.OnCall(new ApiCallInfo(ServiceName, "POST", method, null, call.Elapsed, call.Attempt,
            ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture) + " " + outcome));

    private static int? RemainingHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var left)
            ? left
            : null;

    /// <summary>True for methods that only read (<c>*.get*</c>, <c>auth.login</c>): Invoke-PlanFixRequest asks no confirmation for them.</summary>
    public static bool IsReadMethod(string method)
    {
        var dot = method.LastIndexOf('.');
        var verb = dot < 0 ? method : method.Substring(dot + 1);
        return verb.StartsWith("get", StringComparison.OrdinalIgnoreCase) || method.Equals("auth.login", StringComparison.OrdinalIgnoreCase);
    }

    internal static bool IsSafeToRepeat(string method)
    {
        var dot = method.LastIndexOf('.');
        var verb = dot < 0 ? method : method.Substring(dot + 1);
        return verb.StartsWith("get", StringComparison.OrdinalIgnoreCase)
               || method.Equals("auth.login", StringComparison.OrdinalIgnoreCase)
               || method.Equals("task.update", StringComparison.OrdinalIgnoreCase);
    }

    private void Prepare(HttpRequestMessage message, ApiRequest request)
    {
        // Token mode: ApiKey:UserToken. Login mode: ApiKey: (empty password) and the sid in the body.
        var pair = Connection.ApiKey.Reveal() + ":" + (Connection.UserToken?.Reveal() ?? "");
        message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        message.Headers.Accept.Add(XmlMedia);
        message.Headers.UserAgent.Add(UserAgent);
    }

    private sealed class CallClock
    {
        private readonly Stopwatch _clock = new();
        private int _attempt;

        public int Attempt => Volatile.Read(ref _attempt);
        public TimeSpan Elapsed => _clock.Elapsed;

        public void StartAttempt()
        {
            Interlocked.Increment(ref _attempt);
            _clock.Restart();
        }
    }

    /// <summary>Puts the API method into the transport's per-call lines (path "" → "task.getList").</summary>
    private sealed class MethodNamingObserver : IApiObserver
    {
        private readonly IApiObserver _inner;

        public MethodNamingObserver(IApiObserver inner) => _inner = inner;

        public void OnCall(ApiCallInfo call)
        {
            var method = MethodInFlight.Value;
            if (method is not null && call.Path.Length == 0)
                call = new ApiCallInfo(call.Service, call.Method, method, call.Status, call.Elapsed, call.Attempt, call.Failure);
            _inner.OnCall(call);
        }

        // Waits already name the method: the request's Name is "POST /task.getList".
        public void OnWait(TimeSpan delay, string reason) => _inner.OnWait(delay, reason);

        public void OnWarning(string message) => _inner.OnWarning(message);
    }
}
