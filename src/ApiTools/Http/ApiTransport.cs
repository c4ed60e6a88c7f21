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
    private const int MaxErrorBodyBytes = 64 * 1024;
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
            // Its cause can quote the server (a malformed status line, an XML parser's complaint): redacted as well.
            throw Redact(Exhausted(state, ex));
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
                                   && ex is not LocalFileException && !cancellationToken.IsCancellationRequested)
        {
            // Not retried (not safe to repeat, a download past its time, or retries are off): still one ApiException for callers.
            var download = ex is AttemptTimeoutException { WholeBody: true };
            var kind = ex is System.Text.Json.JsonException or System.Xml.XmlException ? ApiErrorKind.ProtocolError
                : download ? ApiErrorKind.TimedOut : ApiErrorKind.Unavailable;
            var why = download ? "; not started again, since a repeat would take as long"
                : TransientFailure.IsCertificateFailure(ex) ? "" : "; not retried because a repeat could act twice";
            throw Redact(new ApiException(_options.Service, kind, $"{_options.Service} {request} failed: {TransientFailure.Describe(ex)}{why}.", ex)
            {
                Method = request.Method.Method,
                Path = request.ShownPath,
            });
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
                    args.Outcome.Exception is Exception ex && args.Context.Properties.TryGetValue(StateKey, out var s) && ShouldRetry(s, ex)),
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

    private bool ShouldRetry(CallState state, Exception ex)
    {
        var retry = _options.Retry;
        state.GaveUpOnTransient = false;
        if (!TransientFailure.IsRetryable(ex, state.Request)) return false;

        state.GaveUpOnTransient = true;
        if (state.Attempts.Count >= retry.MaxAttempts) return false;
        var delay = RetryDelay.Next(ex, state.Attempts.Count, retry);
        if (TransientFailure.IsConnectFailure(ex) && state.Request.ExternalUri is null && !ReachedBases.Ever(_base)
            && state.Clock.Elapsed + delay > ReachedBases.FirstContactPatience)
        {
            state.BudgetNote = $"nothing has answered at {_base} in this process (the connection came from {_options.Connection.Source}): " +
                               "check the base URI, and that the service is up there";
            return false;
        }
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
        using var lease = await PermitWait.AcquireAsync(_limiter,
            new PermitWait.Call(_options.Service, state.Request, _options.Connection.RateKey, _options.Retry.Budget, state.Clock, _observer),
            cancellationToken).ConfigureAwait(false);
        using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = _options.Retry.AttemptTimeout;
        var wholeBody = false;
        attemptCts.CancelAfter(limit);
        var token = attemptCts.Token;
        var attempt = state.Attempts.Count + 1;
        var sw = Stopwatch.StartNew();
        HttpResponseMessage? response = null;
        var abort = default(CancellationTokenRegistration);
        try
        {
            using var message = BuildMessage(state.Request);
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if (state.Request.ExternalUri is null) ReachedBases.Mark(_base);
            // Whatever reads the body, a time limit or Ctrl+C ends the read: letting go of the response breaks off any
            // read in progress, even one that does not watch the token (an error body, a stalled proxy).
            abort = token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
            if (_limiter is IRateLimitFeedback feedback)
                feedback.Observe(RateLimitHeaders.From(response, DateTimeOffset.UtcNow), lease);
            lease.Dispose();

            if (!response.IsSuccessStatusCode && !(state.Request.PassesRedirects && (int)response.StatusCode is >= 300 and < 400))
            {
                var body = await ReadErrorBodyAsync(response, token, cancellationToken).ConfigureAwait(false);
                var error = Redact(_options.Errors.Map(state.Request, response, body));
                Report(state, attempt, (int)response.StatusCode, sw.Elapsed, error);
                throw error;
            }

            if (state.Request.BodyTimeout is TimeSpan bodyLimit)
            {
                // A download: the time to its first byte is behind us; its whole body gets a time of its own.
                limit = bodyLimit;
                wholeBody = bodyLimit != Timeout.InfiniteTimeSpan;
                attemptCts.CancelAfter(bodyLimit);
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
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: whatever broke off (a read of a response let go of), the caller stopped it.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (ApiException error)
        {
            // A reader's error can quote the server (PlanFix's message, an element's name): no secret leaves with it.
            var clean = Redact(error);
            if (ReferenceEquals(clean, error)) throw;
            throw clean;
        }
        catch (Exception ex) when (attemptCts.IsCancellationRequested && ex is not AttemptTimeoutException)
        {
            var timeout = new AttemptTimeoutException(limit, wholeBody);
            Report(state, attempt, null, sw.Elapsed, timeout);
            throw timeout;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A reader's own timeout (a streamed body that fell silent) counts as an attempt like any failure.
            Report(state, attempt, response is null ? null : (int)response.StatusCode, sw.Elapsed, ex);
            throw;
        }
        finally
        {
            abort.Dispose();
            response?.Dispose();
        }
    }

    /// <summary>The error with every server-made text scrubbed of the connection's secrets after the parsers decoded it,
    /// and its cause dropped if that shows one; the same instance when nothing shows.</summary>
    private ApiException Redact(ApiException error)
    {
        var secrets = _options.Connection.Secrets.ToList();
        var innerLeaks = false;
        for (var e = error.InnerException; e is not null && !innerLeaks; e = e.InnerException)
            innerLeaks = SecretScrubber.Reveals(e.Message, secrets);
        var leaks = innerLeaks || SecretScrubber.Reveals(error.Message, secrets) || SecretScrubber.Reveals(error.ErrorCode, secrets)
                    || (error is ApiValidationException invalid && invalid.Violations.Any(v =>
                        SecretScrubber.Reveals(v.Reason, secrets) || SecretScrubber.Reveals(v.Subject, secrets)));
        return leaks ? error.Redacted(text => SecretScrubber.Scrub(text, secrets), innerLeaks ? null : error.InnerException) : error;
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

    /// <summary>The start of an error body, scrubbed of the connection's secrets before any parser sees it. It is read
    /// within the attempt's time: a body that stalls or breaks off leaves what arrived, and the status still speaks.</summary>
    private async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken attemptToken, CancellationToken callerToken)
    {
        if (response.Content is null) return "";
        var buffer = new byte[MaxErrorBodyBytes];
        var read = 0;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer, read, buffer.Length - read, attemptToken).ConfigureAwait(false)) > 0)
                read += n;
        }
        catch (Exception) when (!callerToken.IsCancellationRequested)
        {
            // Stalled past the attempt's time, or broken off: what came is enough beside the status.
        }
        return SecretScrubber.Scrub(Encoding.UTF8.GetString(buffer, 0, read), _options.Connection.Secrets);
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
