using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ApiTools.PlanFix.Serialization;

namespace ApiTools.PlanFix;

/// <summary>
/// PlanFix's XML API: one POST per call to the account's endpoint, in token mode (Basic ApiKey:UserToken) or login
/// mode (Basic ApiKey: plus a session id this connection keeps and renews). Calls are paced by the shared limiter
/// (1/s by default, per account and key, across the process), retried by the transport (429, 0011 and 3014 on
/// calls that are safe to repeat), and counted against the daily quota.
/// </summary>
public sealed partial class PlanFixClient : ServiceClient<PlanFixConnection>
{
    public const string ServiceName = "PlanFix";

    /// <summary>PlanFix's largest page (pageSize above it is error 0021).</summary>
    public const int MaxPageSize = 100;

    private static readonly Regex MethodName = new(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$", RegexOptions.CultureInvariant);

    /// <summary>The most of one answer read into memory: a page is at most 100 items.</summary>
    internal const long MaxAnswerBytes = 16L * 1024 * 1024;

    private readonly PlanFixErrorMapper _errors;

    /// <param name="handler">Sends the requests instead of the process-wide pooled handler (canned answers, a proxy, logging).</param>
    public PlanFixClient(PlanFixConnection connection, IApiObserver? observer = null, HttpMessageHandler? handler = null)
        : this(connection, new ApiTransport(TransportFor(connection, handler), observer))
    {
        _handler = handler;
    }

    /// <summary>A client over a transport of the caller's (its connection must be <paramref name="connection"/>'s).</summary>
    public PlanFixClient(PlanFixConnection connection, IApiTransport transport)
        : base(connection, transport)
    {
        _errors = new PlanFixErrorMapper(connection);
        _read = new PlanFixReader(connection.TimeZone, transport.Observer);
    }

    // The handler the caller gave (null: the pooled one): a file's redirect to another host is fetched through it too.
    private readonly HttpMessageHandler? _handler;
    private readonly PlanFixReader _read;

    /// <summary>The daily quota as this connection knows it.</summary>
    public PlanFixQuota Quota => Connection.Quota.Snapshot();

    /// <summary>The daily quota as every process on the account and key has counted it, where the connection shares its
    /// budget in Redis (nothing is sent to PlanFix); else <see cref="Quota"/>.</summary>
    public Task<PlanFixQuota> GetQuotaAsync() => Connection.Quota.RefreshAsync();

    private IApiObserver Observer => Transport.Observer;

    // Token mode: ApiKey:UserToken. Login mode: ApiKey: (empty password) and the sid in the body.
    private static TransportOptions TransportFor(PlanFixConnection connection, HttpMessageHandler? handler) =>
        new(connection ?? throw new ArgumentNullException(nameof(connection)), new PlanFixErrorMapper(connection),
            () => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(
                connection.ApiKey.Reveal() + ":" + (connection.UserToken?.Reveal() ?? "")))),
            "application/xml") { Handler = handler };

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

    private Task<XElement> CallAsync(string method, object? parameters, CancellationToken cancellationToken) =>
        CallAsync(method, parameters, ReadAsync, cancellationToken);

    /// <summary>What reads an answer: a PlanFix XML response, or (file.download) the file's bytes.</summary>
    private delegate Task<T> AnswerReader<T>(string method, CallClock call, HttpResponseMessage response, CancellationToken cancellationToken);

    /// <summary>One call with the session handled: in login mode the sid is added, and an expired one (0005) is renewed
    /// once and the call sent again. <paramref name="parameters"/> may be a <see cref="PlanFixBodyWriter"/> that writes
    /// the request itself (file.upload streams the file as base64).</summary>
    private async Task<T> CallAsync<T>(string method, object? parameters, AnswerReader<T> read, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(method) || !MethodName.IsMatch(method.Trim()))
            throw new ArgumentException($"'{method}' is not a PlanFix API method name such as task.getList.", nameof(method));
        method = method.Trim();
        if (Connection.UserToken is not null) return await SendAsync(method, parameters, null, read, cancellationToken).ConfigureAwait(false);

        var sid = await Connection.Session.GetAsync(LoginAsync, null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendAsync(method, parameters, sid, read, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException expired) when (expired.ErrorCode == PlanFixErrorCodes.SessionExpired)
        {
            // The session ended (PlanFix keeps one for an hour): sign in again once and resend. A page and the one
            // prefetched beside it may both land here; the session hands the second the first one's new sid.
            var fresh = await Connection.Session.GetAsync(LoginAsync, sid, cancellationToken).ConfigureAwait(false);
            return await SendAsync(method, parameters, fresh, read, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Secret> LoginAsync(CancellationToken cancellationToken)
    {
        var parameters = new System.Collections.Generic.Dictionary<string, object?>
        {
            ["login"] = Connection.Login,
            ["password"] = Connection.Password!.Reveal(),
        };
        var response = await SendAsync("auth.login", parameters, null, ReadAsync, cancellationToken).ConfigureAwait(false);
        var sid = response.Element("sid")?.Value.Trim();
        if (string.IsNullOrEmpty(sid))
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, "PlanFix auth.login answered ok without a <sid>.") { Method = "POST", Path = "auth.login" };
        return Secret.FromString(sid!);
    }

    private async Task<T> SendAsync<T>(string method, object? parameters, Secret? sid, AnswerReader<T> read, CancellationToken cancellationToken)
    {
        var writer = parameters as PlanFixBodyWriter;
        var body = writer is null ? PlanFixXml.BuildRequest(method, Connection.Account, sid?.Reveal(), parameters, Connection.TimeZone) : null;
        var call = new CallClock();
        var request = new ApiRequest(HttpMethod.Post, "")
        {
            Operation = method, // every call is a POST to one URL: messages name the XML method
            // Reads and updates (which set the same values again) are safe to repeat after any transient failure;
            // adds and uploads only where PlanFix certainly did not act (429, connection refused).
            IdempotencyKey = IsSafeToRepeat(method) ? "planfix:" + method : null,
            Content = () =>
            {
                call.StartAttempt();
                HttpContent content = writer is null ? new ByteArrayContent(body!) : writer.Content(method, Connection.Account, sid?.Reveal());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
                return content;
            },
        };
        return await Transport.SendAsync(request, (response, ct) => read(method, call, response, ct), cancellationToken).ConfigureAwait(false);
    }

    private async Task<XElement> ReadAsync(string method, CallClock call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var warning = await Connection.Quota.ObserveAsync(RemainingHeader(response)).ConfigureAwait(false);
        if (warning is not null) Observer.OnWarning(warning);

        using var buffer = new MemoryStream();
        using (var stream = await ResponseLimits.OpenAsync(response, MaxAnswerBytes, ServiceName).ConfigureAwait(false))
            await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        XElement root;
        try
        {
            if (PlanFixXml.NestsDeeperThan(buffer, PlanFixXml.MaxDepth))
            {
                Report(call, method, response, "refused: nested too deep");
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                    $"PlanFix {method} answered with XML nested more than {PlanFixXml.MaxDepth} levels deep (a PlanFix answer nests a few); it was refused, not read.")
                { StatusCode = (int)response.StatusCode, Method = "POST", Path = method };
            }
            root = PlanFixXml.Read(buffer);
        }
        catch (XmlException e) when (e.Message.IndexOf("DTD", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            Report(call, method, response, "refused: DTD");
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                $"PlanFix {method} answered with a document type declaration (DTD). It was refused unread: DTDs and external entities are never processed.")
            { StatusCode = (int)response.StatusCode, Method = "POST", Path = method };
        }
        catch (XmlException e) when (MalformedBody.IsCutOff(buffer.ToArray(), e))
        {
            // Cut short in transit: the transport tries a read again, and never repeats a write.
            Report(call, method, response, "XML cut off");
            throw;
        }
        catch (XmlException e)
        {
            // Malformed before its end: the same bytes would come again. The transport writes the call's line.
            throw MalformedBody.Refused(ServiceName, "POST", method, "an answer", e);
        }

        var status = root.Name.LocalName == "response" ? root.Attribute("status")?.Value : null;
        if (status == "ok") return root;
        if (status == "error")
        {
            var code = root.Element("code")?.Value.Trim() is { } said ? _errors.Scrub(said) : null;
            if (code == PlanFixErrorCodes.DailyLimitExceeded) await Connection.Quota.SpentAsync().ConfigureAwait(false);
            Report(call, method, response, "error " + (code ?? "?"));
            // file.upload's 9006 names the file already there (<id>, <name>); whatever else an error carries is told too.
            var more = string.Join("; ", root.Elements().Where(e => e.Name.LocalName is not ("code" or "message") && !e.HasElements && e.Value.Trim().Length > 0)
                .Select(e => e.Name.LocalName + " " + e.Value.Trim()));
            var message = root.Element("message")?.Value;
            if (more.Length > 0) message = (string.IsNullOrWhiteSpace(message) ? "" : message!.Trim() + " ") + "(" + more + ")";
            throw _errors.FromCode(method, code, message, (int)response.StatusCode);
        }
        Report(call, method, response, "not a PlanFix response");
        throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
            $"PlanFix {method} answered with <{root.Name.LocalName}{(status is null ? "" : " status=\"" + status + "\"")}> instead of <response status=\"ok|error\">.")
        { StatusCode = (int)response.StatusCode, Method = "POST", Path = method };
    }

    /// <summary>The transport reports calls that end in success or an HTTP error; a PlanFix error arrives as HTTP 200
    /// and is raised while reading, so its line is written here.</summary>
    private void Report(CallClock call, string method, HttpResponseMessage response, string outcome) =>
        Observer.OnCall(new ApiCallInfo(ServiceName, "POST", method, null, call.Elapsed, call.Attempt,
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

    /// <summary>Reads, and updates that set the same values again when repeated (task.update, task.changeStatus to one
    /// status, contact.update…). Adds (task.add, contact.add, project.add, action.add, handbook.addRecord) and file.upload
    /// are not: a repeat after the server may have acted would add twice.</summary>
    internal static bool IsSafeToRepeat(string method)
    {
        var dot = method.LastIndexOf('.');
        var verb = dot < 0 ? method : method.Substring(dot + 1);
        return verb.StartsWith("get", StringComparison.OrdinalIgnoreCase)
               || method.Equals("auth.login", StringComparison.OrdinalIgnoreCase)
               || RepeatableUpdates.Contains(method);
    }

    private static readonly HashSet<string> RepeatableUpdates = new(StringComparer.OrdinalIgnoreCase)
    {
        "task.update", "task.changeStatus", "task.updateCustomData", "contact.update", "contact.updateCustomData",
        "project.update", "handbook.updateRecord",
    };

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
}
