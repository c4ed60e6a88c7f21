using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.EnDocs;

/// <summary>
/// EnDocs under /endocs (and /endocs/api): <c>Authorization: Bearer &lt;token&gt;</c> checked as the backend checks it (no
/// header: 400 #err-80; no exact <c>Bearer </c> prefix or no token: 400 #err-30; an unknown token: 401 #err-40), a
/// fixed-window limit per token (300 per minute by default), and errors as bare strings.
/// </summary>
internal sealed class EnDocsService(EmulatorOptions options, EmulatorSettings settings, EnDocsSeed seed, TimeProvider time) : IEmulatedService
{
    private readonly TokenGate _gate = new(options.EnDocsTokens, time);
    private readonly EnDocsEndpoints _endpoints = new(seed, settings, time);

    public string Prefix => "/endocs";

    public void MapEndpoints(RouteGroupBuilder group) => _endpoints.Map(group);

    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        if (!context.Request.Headers.TryGetValue("Authorization", out var values) || values.Count == 0)
        {
            await EnDocsJson.WriteTextAsync(context, 400, "No Authorization header ( #err-80)");
            return false;
        }
        // The backend takes the remainder only after the exact prefix "Bearer " (capital B, one space).
        var header = values.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (token.Length == 0)
        {
            await EnDocsJson.WriteTextAsync(context, 400, "No token received ( #err-30)");
            return false;
        }
        if (!_gate.Accepts(token))
        {
            await EnDocsJson.WriteTextAsync(context, 401, "Could not find any client for this token ( #err-40)");
            return false;
        }

        if (_gate.Count(token, settings.EnDocsRateLimit, settings.EnDocsRateWindow) is { Allowed: false } decision)
        {
            RetryAfter.Set(context.Response, decision.ResetAfter);
            await EnDocsJson.WriteTextAsync(context, 429, "Too Many Requests");
            return false;
        }
        return true;
    }

    public Task WriteErrorAsync(HttpContext context, int status, string message) =>
        EnDocsJson.WriteTextAsync(context, status, message);

    // EnDocs writes an error as a bare JSON string (EnDocsJson.WriteTextAsync): the echo goes inside one.
    public EchoEnvelope EchoEnvelope(int status) => new(status, EnDocsJson.ContentType, "\"", "\"", Xml: false);

    /// <summary>Forgets rate windows, writes, the write log and write counters.</summary>
    public void Reset()
    {
        _gate.Reset();
        seed.Restore();
    }
}
