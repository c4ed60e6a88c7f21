namespace ApiTools.Emulator.Infrastructure;

/// <summary>
/// The steps every service request goes through, in order: count (and announce) it, wait out the
/// latency, let the service authenticate and throttle it, then apply an injected fault if one matches.
/// Control routes carry no <see cref="ServiceRouteMetadata"/> and pass straight through.
/// </summary>
internal sealed class ServiceRequestMiddleware(
    RequestDelegate next,
    RequestCounter counter,
    EmulatorSettings settings,
    FaultQueue faults,
    IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var service = endpoint?.Metadata.GetMetadata<ServiceRouteMetadata>()?.Service;
        if (service is null || endpoint is not RouteEndpoint route)
        {
            await next(context);
            return;
        }

        var routeKey = await service.RouteKeyAsync(context, RouteKey.Of(context.Request.Method, route));
        counter.Begin(routeKey);
        try
        {
            if (!await DelayAsync(context)) return;
            if (!await service.AdmitAsync(context)) return;
            var fault = faults.TryTake(routeKey, context.Request);
            if (fault is not null && await ApplyFaultAsync(context, service, fault)) return;
            if (fault is not null && NeedsCapture(fault, context.Request)) await RunCapturedAsync(context, service, fault);
            else await next(context);
        }
        finally
        {
            counter.End();
        }
    }

    /// <summary>
    /// Latency before anything is written. Ends early (returning false) when the client goes away
    /// or the server stops, so an abandoned request never holds the server.
    /// </summary>
    private async Task<bool> DelayAsync(HttpContext context)
    {
        var latency = settings.Latency;
        if (latency <= TimeSpan.Zero) return true;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(latency, either.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            context.Abort();
            return false;
        }
    }

    private static bool NeedsCapture(FaultRule fault, HttpRequest request) =>
        fault.DropResponse || fault.ShortBody || fault.StallBody || (fault.TruncateBody && !FaultRule.IsEnDocsDownload(request));

    /// <summary>
    /// Runs the request with its answer held back in memory, then drops it (<see cref="FaultRule.DropResponse"/>),
    /// sends half of it as a complete body (<see cref="FaultRule.ShortBody"/>), sends half of it under the full
    /// Content-Length and aborts (<see cref="FaultRule.TruncateBody"/>) or sends half of it and then nothing more until the
    /// client goes (<see cref="FaultRule.StallBody"/>; with a status, the service's error answer stands in for the request's).
    /// The service has acted on the request in every case but the stalled error.
    /// </summary>
    private async Task RunCapturedAsync(HttpContext context, IEmulatedService service, FaultRule fault)
    {
        var original = context.Response.Body;
        using var held = new MemoryStream();
        context.Response.Body = held;
        try
        {
            if (fault.StallBody && fault.Status != 0)
                await service.WriteErrorAsync(context, fault.Status, $"injected fault: status {fault.Status}, and then the body stalls; " + new string('.', 512));
            else await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (fault.DropResponse || context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        var half = (int)(held.Length / 2);
        context.Response.ContentLength = fault.ShortBody ? half : held.Length;
        await original.WriteAsync(held.GetBuffer().AsMemory(0, half), context.RequestAborted);
        if (fault.TruncateBody || fault.StallBody) await original.FlushAsync(context.RequestAborted);
        if (fault.StallBody) await UntilClientGoesAsync(context);
        if (fault.TruncateBody || fault.StallBody) context.Abort();
    }

    /// <summary>Waits, sending nothing, until the client hangs up or the emulator stops.</summary>
    private async Task UntilClientGoesAsync(HttpContext context)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // gone: that is the end of the stall
        }
    }

    /// <summary>Returns true when the fault answered (or dropped) the request.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, IEmulatedService service, FaultRule fault)
    {
        // The list handlers read these; either may come with a truncated body, so neither answers by itself.
        if (fault.IgnorePaging) context.Features.Set(new IgnorePagingFault());
        if (fault.OutOfOrder) context.Features.Set(new OutOfOrderFault());
        if ((fault.IgnorePaging || fault.OutOfOrder) && !fault.TruncateBody) return false;
        if (fault.Echo is not null)
        {
            await EchoBody.WriteAsync(context, service, fault);
            return true;
        }
        if (fault.DelayMs > 0)
        {
            // Slower than the client will wait: then answer as usual, unless the client has gone.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            try
            {
                await Task.Delay(fault.DelayMs, either.Token);
            }
            catch (OperationCanceledException)
            {
                context.Abort();
                return true;
            }
            return false;
        }
        if (NeedsCapture(fault, context.Request)) return false; // answered by RunCapturedAsync
        if (fault.RateHeaders is { } rateHeaders)
        {
            rateHeaders.ApplyTo(context.Response.Headers);
            if (rateHeaders.Status == 0) return false;
            await service.WriteErrorAsync(context, rateHeaders.Status, $"injected fault: status {rateHeaders.Status} with {rateHeaders}");
            return true;
        }
        if (fault.DropConnection)
        {
            context.Abort();
            return true;
        }
        if (fault.RepeatCursor)
        {
            // The page handler reads this and echoes the incoming cursor.
            context.Features.Set(new RepeatCursorFault());
            return false;
        }
        if (fault.TruncateBody)
        {
            // The list or file handler reads this and cuts its body short.
            context.Features.Set(new TruncateBodyFault());
            return false;
        }
        if (fault.BulkOutcome is { } outcome)
        {
            // The bulk handler reads this when it accepts the task.
            context.Features.Set(new BulkOutcomeFault(outcome));
            return false;
        }
        if (fault.ExpireSid || fault.PlanFixError is not null || fault.PlanFixDtd)
        {
            // The PlanFix handler reads this before it checks the sid.
            context.Features.Set(new PlanFixFault(fault.ExpireSid, fault.PlanFixError, fault.PlanFixDtd));
            return false;
        }
        if (fault.RetryAfterSeconds is { } retryAfter)
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await service.WriteErrorAsync(context, fault.Status, $"injected fault: status {fault.Status}");
        return true;
    }
}

/// <summary>Request feature set when a RepeatCursor fault applies to the request.</summary>
internal sealed class RepeatCursorFault;

/// <summary>Request feature set when a BulkOutcome fault applies: "stuck" or "failed".</summary>
internal sealed record BulkOutcomeFault(string Outcome);

/// <summary>Request feature set when a TruncateBody fault applies (EnDocs lists and files).</summary>
internal sealed class TruncateBodyFault;

/// <summary>Request feature set when an IgnorePaging fault applies: list handlers serve from the start.</summary>
internal sealed class IgnorePagingFault;

/// <summary>Request feature set when an OutOfOrder fault applies: the EnDocs list swaps neighbouring documents.</summary>
internal sealed class OutOfOrderFault;

/// <summary>Request feature set when a PlanFix fault applies: expire the sid, answer an error code, or send a DTD.</summary>
internal sealed record PlanFixFault(bool ExpireSid, string? ErrorCode, bool Dtd);

/// <summary>
/// Endpoint metadata: count the route under this template instead of its own (EnDocs maps every route
/// under /endocs and /endocs/api; both count as "/endocs/…").
/// </summary>
internal sealed record RouteKeyAlias(string Template);

/// <summary>Route keys as tests and /_emulator/requests name them: "GET /evotor/stores/{id}".</summary>
internal static class RouteKey
{
    public static string Of(string method, RouteEndpoint endpoint)
    {
        var template = endpoint.Metadata.GetMetadata<RouteKeyAlias>()?.Template ?? endpoint.RoutePattern.RawText ?? "";
        if (!template.StartsWith('/')) template = "/" + template;
        return method + " " + template;
    }
}
