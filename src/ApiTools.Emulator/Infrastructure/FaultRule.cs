namespace ApiTools.Emulator;

/// <summary>
/// One injected fault. Queued rules are tried in order; the first that matches a request and has
/// tries left is used once. Set exactly what should go wrong: a status, a repeated cursor or a
/// dropped connection. New kinds of fault are added here as properties and handled in
/// <c>ServiceRequestMiddleware</c> (or, for body-level faults, in the service's writer).
/// </summary>
public sealed record FaultRule
{
    /// <summary>
    /// Route key to match ("GET /evotor/stores"), or its template alone ("/evotor/stores") for any
    /// method; null matches every service request.
    /// </summary>
    public string? Route { get; init; }

    /// <summary>Status to answer with a service-style error body; 0 = none.</summary>
    public int Status { get; init; }

    /// <summary>How many matching requests the rule affects.</summary>
    public int Times { get; init; } = 1;

    /// <summary>Adds <c>Retry-After</c> (seconds) to a status fault.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>
    /// Serve the page normally but echo the request's cursor as <c>next_cursor</c> (a server bug
    /// clients must survive). Only matches requests that carry a cursor.
    /// </summary>
    public bool RepeatCursor { get; init; }

    /// <summary>Abort the connection without answering.</summary>
    public bool DropConnection { get; init; }

    /// <summary>
    /// Run the request as usual (so the server acts on it: a product is created, a task is added), then abort the
    /// connection instead of answering: the client cannot know whether its request took effect.
    /// </summary>
    public bool DropResponse { get; init; }

    /// <summary>
    /// Answer as usual, but only after this many milliseconds (pick more than the client's per-attempt timeout to
    /// test it). The wait ends early if the client goes away.
    /// </summary>
    public int DelayMs { get; init; }

    /// <summary>
    /// Answer 200 with a body that ends cleanly half way through (Content-Length says the short length): a truncated
    /// JSON or XML document the client must refuse as malformed, never take as a short list.
    /// </summary>
    public bool ShortBody { get; init; }

    /// <summary>
    /// When set (0 &lt; p ≤ 1), each matching request is affected with this probability, drawn from the emulator's
    /// seeded generator (<c>--fault-seed</c>); a request not drawn goes on to later rules. <see cref="Times"/> then
    /// caps how many requests are affected in all. Null: every matching request is affected.
    /// </summary>
    public double? Probability { get; init; }

    /// <summary>
    /// For Evotor bulk requests (POST/PUT with <c>+bulk</c>; other requests do not match): the task is
    /// accepted as usual, then <c>"stuck"</c> stays RUNNING until a reset (its items are never stored) or
    /// <c>"failed"</c> ends FAILED with every item refused (nothing stored). <see cref="Times"/> = the next N tasks.
    /// </summary>
    public string? BulkOutcome { get; init; }

    /// <summary>
    /// Answer 200 and start the body, then abort the connection about half way through it (a reset in the middle of
    /// a body). EnDocs lists and file downloads cut their streamed body themselves; other routes send the first half
    /// of their answer with the full Content-Length and then abort.
    /// </summary>
    public bool TruncateBody { get; init; }

    /// <summary>
    /// Matching requests to let through untouched before the rule starts firing (e.g. <c>Skip = 4</c>: the
    /// fifth matching request is the first affected).
    /// </summary>
    public int Skip { get; init; }

    /// <summary>
    /// PlanFix requests that carry a <c>&lt;sid&gt;</c> only: the sid expires just before the request is served,
    /// so it is answered 0005 (and a new <c>auth.login</c> works).
    /// </summary>
    public bool ExpireSid { get; init; }

    /// <summary>PlanFix requests only: answer this 4-digit API error code (e.g. "0011", "3014") with HTTP 200.</summary>
    public string? PlanFixError { get; init; }

    /// <summary>
    /// PlanFix requests only: answer HTTP 200 with a body carrying a DOCTYPE and an external entity
    /// (<c>file:///etc/passwd</c>), which clients must refuse to process.
    /// </summary>
    public bool PlanFixDtd { get; init; }

    /// <summary>
    /// Send the status line, the headers (with the full Content-Length) and the first half of the answer, then nothing
    /// more, holding the connection open until the client goes away: a stalled proxy. With <see cref="Status"/>, that
    /// status and the start of the service's error body (a 500 or 502 whose body never ends); without, the start of the
    /// usual answer.
    /// </summary>
    public bool StallBody { get; init; }

    /// <summary>
    /// Answer an error whose message repeats what the request carried (its Authorization header and, for PlanFix, its XML
    /// body: key, token, sid, password), written <c>"plain"</c> (escaped only as the format needs: JSON writes '+' as
    /// \u002B), <c>"escaped"</c> (every character escaped: \uXXXX in JSON, &amp;#xXX; in XML), <c>"url"</c>
    /// (percent-encoded) or <c>"base64"</c>. Evotor and EnDocs answer <see cref="Status"/> (default 400) with their error
    /// body; PlanFix answers HTTP 200 with API error 0016.
    /// </summary>
    public string? Echo { get; init; }

    /// <summary>EnDocs lists only: neighbouring documents are sent in swapped order (2, 1, 4, 3…): ids out of order. May be
    /// combined with <see cref="TruncateBody"/> (ids out of order, and the answer breaks off).</summary>
    public bool OutOfOrder { get; init; }

    /// <summary>
    /// Ignore the paging parameter: Evotor serves its first page again with a fresh cursor every time, PlanFix serves
    /// page 1 whatever <c>pageCurrent</c> says, EnDocs lists from the start whatever the after-id. May be combined with
    /// <see cref="TruncateBody"/> (an EnDocs server that ignores the after-id and breaks off).
    /// </summary>
    public bool IgnorePaging { get; init; }

    /// <summary>The echo encodings <see cref="Echo"/> takes.</summary>
    public static readonly IReadOnlyList<string> EchoEncodings = ["plain", "escaped", "url", "base64"];

    /// <summary>
    /// Send these rate-limit headers instead of the service's own (absurd or missing figures), then serve the request
    /// as usual or answer <see cref="RateHeaders.Status"/>.
    /// </summary>
    public RateHeaders? RateHeaders { get; init; }

    internal void Validate()
    {
        RateHeaders?.Validate();
        if (Times < 1) throw new ArgumentException($"Times must be 1 or more (was {Times})");
        if (Skip < 0) throw new ArgumentException($"Skip must not be negative (was {Skip})");
        if (PlanFixError is not null && !System.Text.RegularExpressions.Regex.IsMatch(PlanFixError, "^[0-9]{4}$"))
            throw new ArgumentException($"PlanFixError must be a 4-digit code such as \"0011\" (was \"{PlanFixError}\")");
        if (Status != 0 && (Status < 100 || Status > 599)) throw new ArgumentException($"Status must be 0 (none) or 100..599 (was {Status})");
        if (RetryAfterSeconds is < 0) throw new ArgumentException($"RetryAfterSeconds must not be negative (was {RetryAfterSeconds})");
        if (DelayMs < 0) throw new ArgumentException($"DelayMs must not be negative (was {DelayMs})");
        if (Probability is double p && !(p > 0 && p <= 1)) throw new ArgumentException($"Probability must be more than 0 and at most 1 (was {p})");
        if (BulkOutcome is not (null or "stuck" or "failed")) throw new ArgumentException($"BulkOutcome must be \"stuck\" or \"failed\" (was \"{BulkOutcome}\")");
        if (Echo is not null && !EchoEncodings.Contains(Echo))
            throw new ArgumentException($"Echo must be one of {string.Join(", ", EchoEncodings)} (was \"{Echo}\")");
        // Status also gives the status of a stalled body or an echo; IgnorePaging may come with a truncated body.
        var statusAlone = Status != 0 && !StallBody && Echo is null;
        var kinds = (statusAlone ? 1 : 0) + (RepeatCursor ? 1 : 0) + (DropConnection ? 1 : 0) + (BulkOutcome is not null ? 1 : 0) + (TruncateBody ? 1 : 0)
            + (ExpireSid ? 1 : 0) + (PlanFixError is not null ? 1 : 0) + (PlanFixDtd ? 1 : 0)
            + (DropResponse ? 1 : 0) + (DelayMs > 0 ? 1 : 0) + (ShortBody ? 1 : 0)
            + (StallBody ? 1 : 0) + (Echo is not null ? 1 : 0) + (OutOfOrder && !TruncateBody ? 1 : 0) + (IgnorePaging && !TruncateBody ? 1 : 0)
            + (RateHeaders is not null ? 1 : 0);
        if (kinds != 1)
            throw new ArgumentException("a fault rule sets exactly one of Status, RepeatCursor, DropConnection, DropResponse, DelayMs, ShortBody, " +
                                        "TruncateBody, BulkOutcome, ExpireSid, PlanFixError, PlanFixDtd, StallBody, Echo, OutOfOrder, IgnorePaging " +
                                        "or RateHeaders (Status may come with StallBody or Echo, IgnorePaging and OutOfOrder with TruncateBody)");
    }

    internal bool Matches(string routeKey, HttpRequest request)
    {
        if (RepeatCursor && !request.Query.ContainsKey("cursor")) return false;
        if (BulkOutcome is not null && !IsBulk(request)) return false;
        if ((PlanFixError is not null || PlanFixDtd) && !PlanFix.PlanFixService.IsPlanFix(request)) return false;
        if (OutOfOrder && !IsEnDocsDownload(request)) return false;
        if (ExpireSid && !PlanFix.PlanFixService.CarriesSid(request)) return false;
        if (Route is null) return true;
        if (string.Equals(Route, routeKey, StringComparison.Ordinal)) return true;
        // "/evotor/stores" matches that template under any method.
        var space = routeKey.IndexOf(' ');
        return !Route.Contains(' ') && string.Equals(Route, routeKey[(space + 1)..], StringComparison.Ordinal);
    }

    /// <summary>EnDocs lists and file downloads, whose handlers cut their own streamed body for <see cref="TruncateBody"/>.</summary>
    internal static bool IsEnDocsDownload(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Path.StartsWithSegments("/endocs/Output", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/endocs/api/Output", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/endocs/File", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments("/endocs/api/File", StringComparison.OrdinalIgnoreCase))
        && (request.Path.Value?.Contains("/GetNew", StringComparison.OrdinalIgnoreCase) == true
            || request.Path.Value?.Contains("/GetNonFormDoc", StringComparison.OrdinalIgnoreCase) == true
            || request.Path.Value?.Contains("/File/", StringComparison.OrdinalIgnoreCase) == true);

    private static bool IsBulk(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method))
        && (request.ContentType?.Contains("+bulk", StringComparison.OrdinalIgnoreCase) ?? false);
}
