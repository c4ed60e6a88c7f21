using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;

namespace ApiTools.Http.RateLimiting;

/// <summary>
/// Takes a permit for one attempt within what is left of the call's retry budget: a wait the limiter names is
/// announced before it starts and refused at once when it would pass the budget; a wait it cannot name is cut off
/// when the budget runs out. Either way the call ends with one RateLimited error saying why, never a wait without
/// end (a server's Remaining 0 with no reset, an X-RateLimit-Reset of an hour against a 10 s budget).
/// </summary>
internal static class PermitWait
{
    public static async Task<RateLimitLease> AcquireAsync(RateLimiter limiter, Call call, CancellationToken cancellationToken)
    {
        if (limiter is SharedRateLimiter shared) return await SharedAsync(shared, call, cancellationToken).ConfigureAwait(false);
        var lease = limiter.AttemptAcquire(1);
        while (!lease.IsAcquired)
        {
            TimeSpan? wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var said) ? said : null;
            lease.Dispose();
            var left = call.Budget - call.Clock.Elapsed;
            if (wait is TimeSpan known && known > left) throw call.BeyondBudget(known);
            // Announce a known wait before it starts; an unknown one (waiting on requests in flight) is short.
            if (wait is TimeSpan announced && announced > TimeSpan.Zero) call.Observer.OnWait(announced, $"{call.Service} rate limit before {call.Request}");
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
            try
            {
                lease = await limiter.AcquireAsync(1, bounded.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw call.BeyondBudget(null);
            }
        }
        return lease;
    }

    /// <summary>A budget kept in Redis: its waits are told (and refused past the budget) as it meets them, and what
    /// it has to say about the store (lost, back) is said once.</summary>
    private static async Task<RateLimitLease> SharedAsync(SharedRateLimiter limiter, Call call, CancellationToken cancellationToken)
    {
        var left = call.Budget - call.Clock.Elapsed;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(wait =>
            {
                Notice(limiter, call);
                if (wait > call.Budget - call.Clock.Elapsed) return false;
                if (wait > TimeSpan.Zero) call.Observer.OnWait(wait, $"{call.Service} rate limit before {call.Request}");
                return true;
            }, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw call.BeyondBudget(null);
        }
        Notice(limiter, call);
        if (lease.IsAcquired) return lease;
        var refused = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        lease.Dispose();
        throw call.BeyondBudget(refused);
    }

    private static void Notice(SharedRateLimiter limiter, Call call)
    {
        if (limiter.TakeNotice() is string notice) call.Observer.OnWarning(notice);
    }

    /// <summary>The call a permit is taken for: what names it, its budget and how long it has run.</summary>
    internal sealed record Call(string Service, ApiRequest Request, string RateKey, TimeSpan Budget, Stopwatch Clock, IApiObserver Observer)
    {
        /// <summary>The error for a wait that would pass the budget (<paramref name="wait"/> known) or did (null).</summary>
        public ApiException BeyondBudget(TimeSpan? wait)
        {
            var budget = Budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
            var why = wait is TimeSpan w
                ? $"the rate limit of {RateKey} lets the next request go in {Seconds(w)} s, past the {budget} s retry budget " +
                  $"({Seconds(Clock.Elapsed)} s of it spent)"
                : $"the {budget} s retry budget ran out waiting for the rate limit of {RateKey}";
            return new ApiException(Service, ApiErrorKind.RateLimited, $"{Service} {Request} was not sent: {why}. A longer retry budget waits for it.")
            {
                Method = Request.Method.Method,
                Path = Request.ShownPath,
            };
        }

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
    }
}
