using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor under /evotor: bearer (or legacy X-Authorization) tokens, a fixed-window rate limit per
/// token announced through X-RateLimit-* headers, and v2 JSON error bodies.
/// </summary>
internal sealed class EvotorService(EmulatorOptions options, EmulatorSettings settings, EvotorSeed seed, TimeProvider time) : IEmulatedService
{
    private readonly TokenGate _gate = new(options.EvotorTokens, time);
    private readonly EvotorEndpoints _endpoints = new(seed, settings, options.UnknownFields);

    public string Prefix => "/evotor";

    public void MapEndpoints(RouteGroupBuilder group) => _endpoints.Map(group);

    /// <summary>Image files, linked from image metadata.</summary>
    public void MapUnprefixed(IEndpointRouteBuilder app) => EvotorFiles.Map(app, seed);

    public async ValueTask<bool> AdmitAsync(HttpContext context)
    {
        var token = ReadToken(context.Request);
        if (token is null || !_gate.Accepts(token))
        {
            // Not counted against any rate window: there is no valid key to count it under.
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await EvotorJson.WriteErrorAsync(context, 401, "unauthorized",
                token is null ? "authorization token is missing" : "authorization token is invalid");
            return false;
        }

        if (_gate.Count(token, settings.EvotorRateLimit, settings.EvotorRateWindow) is not { } decision) return true;
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = decision.ResetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (decision.Allowed) return true;

        RetryAfter.Set(context.Response, decision.ResetAfter);
        await EvotorJson.WriteErrorAsync(context, 429, "rate_limit_exceeded",
            $"rate limit of {decision.Limit} requests per {settings.EvotorRateWindow.TotalSeconds:0.###} s exceeded");
        return false;
    }

    public Task WriteErrorAsync(HttpContext context, int status, string message) =>
        EvotorJson.WriteErrorAsync(context, status, EvotorJson.CodeFor(status), message);

    public EchoEnvelope EchoEnvelope(int status) =>
        new(status, EvotorJson.ContentType, $"{{\"code\":\"{EvotorJson.CodeFor(status)}\",\"message\":\"", "\"}", Xml: false);

    /// <summary>Forgets rate windows and every write: products, groups, images and accepted bulk tasks go back to the seed.</summary>
    public void Reset()
    {
        _gate.Reset();
        seed.Restore();
    }

    /// <summary>
    /// "Authorization: Bearer t", or the legacy "X-Authorization: t" (a "Bearer " prefix there is tolerated).
    /// Another scheme comes back whole and so fails the token check as invalid.
    /// </summary>
    private static string? ReadToken(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        if (value.Length == 0) value = request.Headers["X-Authorization"].ToString();
        if (value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) value = value["Bearer ".Length..];
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }
}
