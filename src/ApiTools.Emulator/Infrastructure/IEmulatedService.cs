namespace ApiTools.Emulator.Infrastructure;

/// <summary>
/// One emulated cloud (Evotor, EnDocs, PlanFix) served under its own path prefix. The shared pipeline
/// (counting, latency, faults) lives in <see cref="ServiceRequestMiddleware"/>; what differs per service
/// (auth, throttling, error format, routes) lives behind this interface.
/// </summary>
internal interface IEmulatedService
{
    /// <summary>Path prefix, e.g. "/evotor".</summary>
    string Prefix { get; }

    /// <summary>Maps the service's routes on a group already rooted at <see cref="Prefix"/>.</summary>
    void MapEndpoints(RouteGroupBuilder group);

    /// <summary>Maps routes outside <see cref="Prefix"/> and the service's admission: files its answers link to.</summary>
    void MapUnprefixed(IEndpointRouteBuilder app) { }

    /// <summary>
    /// The key the request is counted (and faults matched) under, given the route's own key. Services that
    /// serve many operations at one URL (PlanFix: one key per XML method) refine it, reading the body here.
    /// </summary>
    ValueTask<string> RouteKeyAsync(HttpContext context, string routeKey) => ValueTask.FromResult(routeKey);

    /// <summary>
    /// Authenticates and throttles a request, adding any per-response headers (rate limits).
    /// Returns false after answering the request itself (401, 429…).
    /// </summary>
    ValueTask<bool> AdmitAsync(HttpContext context);

    /// <summary>Answers with the service's error format (used for injected faults and fallbacks).</summary>
    Task WriteErrorAsync(HttpContext context, int status, string message);

    /// <summary>The error answer an <see cref="FaultRule.Echo"/> fault puts its message in, for <paramref name="status"/>.</summary>
    EchoEnvelope EchoEnvelope(int status);

    /// <summary>What an <see cref="FaultRule.Echo"/> fault repeats: the request's credentials as they came.</summary>
    string Echoed(HttpContext context) => "Authorization: " + context.Request.Headers.Authorization;

    /// <summary>Forgets per-run state: rate state and the data writes changed (a reset).</summary>
    void Reset();
}

/// <summary>Endpoint metadata that marks a route as a service route and names its service.</summary>
internal sealed record ServiceRouteMetadata(IEmulatedService Service);
