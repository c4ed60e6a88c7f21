using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// EnDocs under /endocs (and /endocs/api): <c>Authorization: Bearer &lt;token&gt;</c> with the backend's
/// three different failure shapes, a fixed-window limit per token (300 per minute by default) and
/// <c>{"error":…}</c> bodies.
/// </summary>
internal sealed class EnDocsService(EmulatorOptions options, EmulatorSettings settings, EnDocsSeed seed, TimeProvider time) : IEmulatedService
{
    /// <summary>HttpContext.Items key of the admitted token (writes remember RequestIDs per token).</summary>
    public const string TokenItem = "endocs.token";

    private readonly TokenGate _gate = new(options.EnDocsTokens, time);
    private readonly EnDocsEndpoints _endpoints = new(seed, settings, time);

    public string Prefix => "/endocs";

    public void MapEndpoints(RouteGroupBuilder group) => _endpoints.Map(group);

    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            await EnDocsJson.WritePlainAsync(context, 401, "No Authorization header ( #err-80)");
            return false;
        }
        var value = header.Trim();
        var token = value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value["Bearer ".Length..].Trim() : "";
        if (token.Length == 0)
        {
            await EnDocsJson.WriteErrorAsync(context, 401, "No token ( #err-30)");
            return false;
        }
        if (!_gate.Accepts(token))
        {
            await EnDocsJson.WriteAsync(context, 401, w =>
            {
                w.WriteStartObject();
                w.WriteString("message", "Could not find any client for this token ( #err-40)");
                w.WriteEndObject();
            });
            return false;
        }

        if (_gate.Count(token, settings.EnDocsRateLimit, settings.EnDocsRateWindow) is { Allowed: false } decision)
        {
            RetryAfter.Set(context.Response, decision.ResetAfter);
            await EnDocsJson.WriteErrorAsync(context, 429, "Too many requests");
            return false;
        }
        context.Items[TokenItem] = token;
        return true;
    }

    public Task WriteErrorAsync(HttpContext context, int status, string message) =>
        EnDocsJson.WriteErrorAsync(context, status, message);

    public EchoEnvelope EchoEnvelope(int status) => new(status, EnDocsJson.ContentType, "{\"error\":\"", "\"}", Xml: false);

    /// <summary>Forgets rate windows, writes, remembered RequestIDs and write counters.</summary>
    public void Reset()
    {
        _gate.Reset();
        seed.Restore();
    }
}
