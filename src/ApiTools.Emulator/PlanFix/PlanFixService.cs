using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.PlanFix;

/// <summary>Who is calling: the Basic user name (API key) and password (user token, or empty in login mode).</summary>
internal sealed record PlanFixCaller(string Account, string ApiKey, string Secret);

/// <summary>
/// PlanFix under /planfix/xml: reads the XML body first (its method names the route key), then HTTP Basic
/// (401 only when missing or undecodable), then, as API errors with HTTP 200: bad XML 0003, account 0009/0004,
/// API key 0001; then one request per 1/rate seconds per account and key (HTTP 429 + Retry-After), then the
/// daily quota (0007; <c>X-RateLimit-Remaining</c> on every answer from then on). Token and sid checks run
/// in the handler, after injected faults (so ExpireSid can expire the sid first).
/// </summary>
internal sealed partial class PlanFixService : IEmulatedService
{
    public const string RequestItem = "planfix.request";
    public const string CallerItem = "planfix.caller";

    /// <summary>Arrival jitter forgiven: a client pacing itself at exactly the rate must not be refused.</summary>
    private static readonly TimeSpan RateTolerance = TimeSpan.FromMilliseconds(20);

    private readonly EmulatorSettings _settings;
    private readonly PlanFixSeed _seed;
    private readonly TimeProvider _time;
    private readonly HashSet<string> _apiKeys;
    private readonly PlanFixEndpoints _endpoints;
    private readonly Dictionary<string, long> _lastAdmitted = new(StringComparer.Ordinal);
    private readonly QuotaHeader _quotaHeader;

    public PlanFixService(EmulatorOptions options, EmulatorSettings settings, PlanFixSeed seed, TimeProvider time)
    {
        _settings = settings;
        _seed = seed;
        _time = time;
        _apiKeys = new HashSet<string>(options.PlanFixApiKeys, StringComparer.Ordinal);
        _endpoints = new PlanFixEndpoints(options, seed, time);
        _quotaHeader = new QuotaHeader(options.PlanFixQuotaHeaderRefresh, time);
    }

    public string Prefix => "/planfix";

    public void MapEndpoints(RouteGroupBuilder group)
    {
        group.MapPost("/xml", _endpoints.HandleAsync);
        // Where file.download redirects: a link, not the API (no XML body, no API key).
        group.MapGet("/files/{uniqueId:long}/{token}", (HttpContext context, long uniqueId, string token) => _endpoints.FileLinkAsync(context, uniqueId, token));
    }

    private static bool IsFileLink(HttpRequest request) => HttpMethods.IsGet(request.Method);

    public static bool IsPlanFix(HttpRequest request) => request.Path.StartsWithSegments("/planfix", StringComparison.OrdinalIgnoreCase);

    public static bool CarriesSid(HttpRequest request) =>
        IsPlanFix(request) && request.HttpContext.Items[RequestItem] is PlanFixRequest { Sid.Length: > 0 };

    public async ValueTask<string> RouteKeyAsync(HttpContext context, string routeKey)
    {
        if (IsFileLink(context.Request)) return routeKey;
        var request = await PlanFixXml.ReadAsync(context.Request, context.RequestAborted);
        context.Items[RequestItem] = request;
        return request.Method is { } method && MethodName().IsMatch(method) ? PlanFixRouteKeys.Method(method) : PlanFixRouteKeys.Unparsed;
    }

    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (IsFileLink(context.Request)) return true; // a link carries its own token
        var request = (PlanFixRequest)context.Items[RequestItem]!;
        if (!TryBasic(context.Request.Headers.Authorization.ToString(), out var apiKey, out var secret))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"PlanFix API\"";
            await PlanFixXml.WriteErrorAsync(context, null, "Требуется HTTP Basic-авторизация: ключ API и токен", 401);
            return false;
        }
        if (request.Root is null)
        {
            await PlanFixXml.WriteErrorAsync(context, "0003", request.ParseError ?? "Ошибка разбора XML");
            return false;
        }
        var account = request.Account;
        if (string.IsNullOrEmpty(account))
        {
            await PlanFixXml.WriteErrorAsync(context, "0009", "Не указан обязательный параметр account");
            return false;
        }
        if (!string.Equals(account, _seed.Account, StringComparison.Ordinal))
        {
            await PlanFixXml.WriteErrorAsync(context, "0004", "Неизвестный аккаунт");
            return false;
        }
        SetRemaining(context, _quotaHeader.Shown(_seed.QuotaLeft));
        if (!_apiKeys.Contains(apiKey))
        {
            await PlanFixXml.WriteErrorAsync(context, "0001", "Неверный API Key");
            return false;
        }

        var rate = _settings.PlanFixRatePerSecond;
        if (rate > 0)
        {
            var wait = Throttle(account + "\n" + apiKey, TimeSpan.FromSeconds(1 / rate));
            if (wait > TimeSpan.Zero)
            {
                RetryAfter.Set(context.Response, wait);
                await PlanFixXml.WriteErrorAsync(context, null, "Слишком много запросов в секунду", 429);
                return false;
            }
        }
        if (!_seed.TrySpendQuota(out var left))
        {
            SetRemaining(context, 0);
            await PlanFixXml.WriteErrorAsync(context, "0007", "Превышено допустимое количество запросов в сутки");
            return false;
        }
        SetRemaining(context, _quotaHeader.Refreshed(left));
        context.Items[CallerItem] = new PlanFixCaller(account, apiKey, secret);
        return true;
    }

    public Task WriteErrorAsync(HttpContext context, int status, string message) =>
        PlanFixXml.WriteErrorAsync(context, null, message, status);

    /// <summary>An API error (HTTP 200, 0016), as PlanFix reports what it refused; the status asked for does not apply.</summary>
    public EchoEnvelope EchoEnvelope(int status) =>
        new(200, PlanFixXml.ContentType, "<?xml version=\"1.0\" encoding=\"utf-8\"?><response status=\"error\"><code>0016</code><message>",
            "</message></response>", Xml: true);

    /// <summary>The Basic header and the whole XML body: account, sid, and in auth.login the password.</summary>
    public string Echoed(HttpContext context) =>
        "Authorization: " + context.Request.Headers.Authorization + "; request: " +
        ((context.Items[RequestItem] as PlanFixRequest)?.Root?.ToString(System.Xml.Linq.SaveOptions.DisableFormatting) ?? "");

    /// <summary>Forgets writes, sids, the day's quota and rate state.</summary>
    public void Reset()
    {
        lock (_lastAdmitted) _lastAdmitted.Clear();
        _quotaHeader.Reset();
        _seed.Restore();
    }

    /// <summary>Zero when the request may go (and is recorded), else how long until it may.</summary>
    private TimeSpan Throttle(string key, TimeSpan interval)
    {
        var now = _time.GetTimestamp();
        lock (_lastAdmitted)
        {
            if (_lastAdmitted.TryGetValue(key, out var last))
            {
                var elapsed = _time.GetElapsedTime(last, now);
                if (elapsed + RateTolerance < interval) return interval - elapsed;
            }
            _lastAdmitted[key] = now;
            return TimeSpan.Zero;
        }
    }

    private static void SetRemaining(HttpContext context, int left) =>
        context.Response.Headers["X-RateLimit-Remaining"] = left.ToString(CultureInfo.InvariantCulture);

    private static bool TryBasic(string header, out string apiKey, out string secret)
    {
        apiKey = secret = "";
        header = header.Trim();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = text.IndexOf(':');
            if (colon < 0) return false;
            (apiKey, secret) = (text[..colon], text[(colon + 1)..]);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,40}(\\.[A-Za-z][A-Za-z0-9_]{0,40}){0,2}$")]
    private static partial Regex MethodName();
}
