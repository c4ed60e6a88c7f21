using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.RateLimiting;
using ApiTools.Http.RateLimiting;
using Polly;
using Polly.Retry;

namespace ApiTools.Http;

/// <summary>
/// Sends one logical call for a service: client-side rate limit, a per-attempt time limit, retries
/// (Polly) for transient failures within an attempt count and a total time budget, then one error
/// that says what was tried. Written once for all three services; a service brings its connection
/// (base URI, credentials, pace, retry settings), its authorization header and its error mapper.
/// </summary>
public sealed class ApiTransport : IApiTransport
{
    private const int MaxErrorBodyChars = 64 * 1024;
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("ApiTools.CallState");

    private readonly TransportOptions _options;
    private readonly IApiObserver _observer;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private readonly Uri _base;
    private readonly RateLimiter _limiter;

    public ApiTransport(TransportOptions options, IApiObserver? observer = null)
    {
        options.Retry.Validate();
        _options = options;
        _observer = observer ?? NullApiObserver.Instance;
        _limiter = options.Limiter ?? RateLimiterRegistry.For(options.Connection);
        // Timeouts are per attempt here, where they can be told apart from a caller's cancel.
        _http = options.Handler is null
            ? HttpClientPool.Get(options.BaseUri)
            : new HttpClient(options.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        // Relative paths resolve under the base's own path (http://host/evotor + stores → /evotor/stores).
        _base = new Uri(options.BaseUri.AbsoluteUri.TrimEnd('/') + "/");
        _pipeline = BuildPipeline(options.Retry);
    }

    public string Service => _options.Service;

    public IApiObserver Observer => _observer;

    /// <summary>Sends <paramref name="request"/> and hands a successful response to <paramref name="read"/>
    /// inside the same attempt, so a body that breaks off mid-way is retried like any transient failure.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var state = new CallState<T>(this, request, read);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, s) => new ValueTask<T>(s.Transport.AttemptAsync(s, ctx.CancellationToken)),
                context,
                state).ConfigureAwait(false);
        }
        catch (Exception ex) when (state.GaveUpOnTransient && !cancellationToken.IsCancellationRequested)
        {
            throw Exhausted(state, ex);
        }
        catch (ApiException server) when (server.GetType() == typeof(ApiException) && server.Kind == ApiErrorKind.ServerError
                                          && !request.IsIdempotent && !cancellationToken.IsCancellationRequested)
        {
            // A 5xx to a write that is not safe to repeat: the caller must know it may have taken effect.
            throw new ApiException(server.Service, server.Kind,
                server.Message.TrimEnd() + " Not retried: the server may have acted on it before failing, and a repeat could act twice.", server)
            {
                StatusCode = server.StatusCode,
                ErrorCode = server.ErrorCode,
                Method = server.Method,
                Path = server.Path,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or System.Text.Json.JsonException or System.Xml.XmlException
                                       or AttemptTimeoutException
                                   && !cancellationToken.IsCancellationRequested)
        {
            // Not retried (not safe to repeat, or retries are off): still one ApiException for callers.
            var kind = ex is System.Text.Json.JsonException or System.Xml.XmlException ? ApiErrorKind.ProtocolError : ApiErrorKind.Unavailable;
            throw new ApiException(_options.Service, kind,
                TransientFailure.IsCertificateFailure(ex)
                    ? $"{_options.Service} {request} failed: {TransientFailure.Describe(ex)}."
                    : $"{_options.Service} {request} failed: {TransientFailure.Describe(ex)}; not retried because a repeat could act twice.", ex)
            {
                Method = request.Method.Method,
                Path = request.ShownPath,
            };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private ResiliencePipeline BuildPipeline(RetryOptions retry)
    {
        var builder = new ResiliencePipelineBuilder();
        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is Exception ex && args.Context.Properties.TryGetValue(StateKey, out var s) && ShouldRetry(s, ex, retry)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.TryGetValue(StateKey, out var s) ? s.NextDelay : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(StateKey, out var s))
                        _observer.OnWait(args.RetryDelay, $"retrying {s.Request} after {TransientFailure.Describe(args.Outcome.Exception!)}");
                    return default;
                },
            });
        }
        return builder.Build();
    }

    private static bool ShouldRetry(CallState state, Exception ex, RetryOptions retry)
    {
        state.GaveUpOnTransient = false;
        if (!TransientFailure.IsRetryable(ex, state.Request)) return false;

        state.GaveUpOnTransient = true;
        if (state.Attempts.Count >= retry.MaxAttempts) return false;
        var delay = RetryDelay.Next(ex, state.Attempts.Count, retry);
        if (state.Clock.Elapsed + delay > retry.Budget)
        {
            state.BudgetNote = $"the next wait ({delay.TotalSeconds:0.#} s) would pass the {retry.Budget.TotalSeconds:0} s budget";
            return false;
        }
        state.NextDelay = delay;
        state.GaveUpOnTransient = false;
        return true;
    }

    private async Task<T> AttemptAsync<T>(CallState<T> state, CancellationToken cancellationToken)
    {
        using var lease = await AcquirePermitAsync(state.Request, cancellationToken).ConfigureAwait(false);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptCts.CancelAfter(_options.Retry.AttemptTimeout);
        var token = attemptCts.Token;
        var attempt = state.Attempts.Count + 1;
        var sw = Stopwatch.StartNew();
        HttpResponseMessage? response = null;
        try
        {
            using var message = BuildMessage(state.Request);
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (_limiter is IRateLimitFeedback feedback)
                feedback.Observe(RateLimitHeaders.From(response, DateTimeOffset.UtcNow), lease);
            lease.Dispose();

            if (!response.IsSuccessStatusCode && !(state.Request.PassesRedirects && (int)response.StatusCode is >= 300 and < 400))
            {
                var body = await ReadErrorBodyAsync(response, token).ConfigureAwait(false);
                var error = _options.Errors.Map(state.Request, response, body);
                Report(state, attempt, (int)response.StatusCode, sw.Elapsed, error);
                throw error;
            }

            T result;
            try
            {
                result = await state.Read(response, token).ConfigureAwait(false);
            }
            catch (ApiException refused) when (refused.ErrorCode == MalformedBody.Code)
            {
                // A body refused as malformed (never retried): its call still gets its line.
                Report(state, attempt, (int)response.StatusCode, sw.Elapsed, refused);
                throw;
            }
            Report(state, attempt, (int)response.StatusCode, sw.Elapsed, null);
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attemptCts.IsCancellationRequested)
        {
            var timeout = new AttemptTimeoutException(_options.Retry.AttemptTimeout);
            Report(state, attempt, null, sw.Elapsed, timeout);
            throw timeout;
        }
        catch (Exception ex) when (ex is not ApiException && ex is not OperationCanceledException && ex is not AttemptTimeoutException)
        {
            Report(state, attempt, response is null ? null : (int)response.StatusCode, sw.Elapsed, ex);
            throw;
        }
        finally
        {
            response?.Dispose();
        }
    }

    private async Task<RateLimitLease> AcquirePermitAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var lease = _limiter.AttemptAcquire(1);
        while (!lease.IsAcquired)
        {
            // Announce a known wait before it starts; an unknown one (waiting on requests in flight) is short.
            if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero)
                _observer.OnWait(wait, $"{_options.Service} rate limit before {request}");
            lease.Dispose();
            lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        return lease;
    }

    private HttpRequestMessage BuildMessage(ApiRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.ExternalUri ?? new Uri(_base, request.BuildRelativeUri()));
        message.Content = request.Content?.Invoke();
        if (request.ExternalUri is null)
        {
            // Credentials go only to the service's own API, never to a URI outside it.
            message.Headers.Authorization = _options.Authorization();
            message.Headers.Accept.Add(_options.Accept);
        }
        message.Headers.UserAgent.Add(UserAgent.Value);
        return message;
    }

    private void Report(CallState state, int attempt, int? status, TimeSpan elapsed, Exception? failure)
    {
        var outcome = failure is null ? null : TransientFailure.Describe(failure);
        state.Attempts.Add(status is int s && failure is null ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : outcome ?? "failed");
        _observer.OnCall(new ApiCallInfo(_options.Service, state.Request.Method.Method, state.Request.ShownPath, status, elapsed, attempt,
            status is null ? outcome : null));
    }

    private async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null) return "";
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxErrorBodyChars];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await reader.ReadAsync(buffer, read, buffer.Length - read).ConfigureAwait(false)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                read += n;
            }
            var text = new string(buffer, 0, read);
            foreach (var secret in _options.Connection.Secrets) text = secret.Scrub(text);
            return text;
        }
        catch (IOException)
        {
            return ""; // the status says enough; a broken error body must not hide it
        }
    }

    private ApiRetriesExhaustedException Exhausted(CallState state, Exception last)
    {
        var n = state.Attempts.Count;
        var why = state.BudgetNote ?? (n >= _options.Retry.MaxAttempts ? $"the limit of {_options.Retry.MaxAttempts} attempts is reached" : "the failure is not safe to retry");
        var message = $"{_options.Service} {state.Request} failed after {n} attempt{(n == 1 ? "" : "s")} in {state.Clock.Elapsed.TotalSeconds:0.#} s " +
                      $"({string.Join(", ", state.Attempts)}); {why}. Last error: {TransientFailure.Describe(last)}.";
        return new ApiRetriesExhaustedException(_options.Service, message, state.Attempts.ToArray(), last)
        {
            StatusCode = (last as ApiException)?.StatusCode,
            ErrorCode = (last as ApiException)?.ErrorCode,
            Method = state.Request.Method.Method,
            Path = state.Request.ShownPath,
        };
    }

    /// <summary>What one logical call carries across its attempts (the retry callbacks see this part).</summary>
    private class CallState
    {
        public CallState(ApiRequest request) => Request = request;

        public ApiRequest Request { get; }
        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public List<string> Attempts { get; } = new();
        public TimeSpan? NextDelay { get; set; }
        public bool GaveUpOnTransient { get; set; }
        public string? BudgetNote { get; set; }
    }

    private sealed class CallState<T> : CallState
    {
        public CallState(ApiTransport transport, ApiRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read)
            : base(request)
        {
            Transport = transport;
            Read = read;
        }

        public ApiTransport Transport { get; }
        public Func<HttpResponseMessage, CancellationToken, Task<T>> Read { get; }
    }
}
