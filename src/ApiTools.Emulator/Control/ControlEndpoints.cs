using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Emulator.Control;

/// <summary>
/// /_emulator: steering for scripts and out-of-process tests. No auth, no latency, not counted and
/// not rate limited (these routes carry no service metadata, so the service pipeline skips them).
/// Errors are <c>{"error":"…"}</c> with 400.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Error messages quote names ('bogus'): keep them readable rather than \u0027-escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // A misspelt property should fail loudly, not be ignored.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void Map(IEndpointRouteBuilder app, EmulatorControl control)
    {
        var group = app.MapGroup(Prefix);
        group.MapGet("/requests", context => WriteJsonAsync(context, 200, control.Requests.Snapshot()));
        group.MapPost("/reset", context =>
        {
            control.Reset();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        group.MapGet("/settings", context => WriteJsonAsync(context, 200, SettingsDto.From(control.Settings)));
        group.MapPost("/settings", context => UpdateSettingsAsync(context, control.Settings));
        group.MapGet("/faults", context => WriteJsonAsync(context, 200, control.Faults.Pending()));
        group.MapPost("/faults", context => EnqueueFaultAsync(context, control.Faults));
        group.MapGet("/faults/seed", context => WriteJsonAsync(context, 200, new SeedDto(control.Faults.Seed)));
        group.MapPost("/faults/seed", context => ReseedAsync(context, control.Faults));
        group.MapDelete("/faults", context =>
        {
            control.Faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static async Task UpdateSettingsAsync(HttpContext context, EmulatorSettings settings)
    {
        var (read, patch) = await ReadBodyAsync<SettingsPatch>(context, "settings");
        if (!read) return;
        if (patch is null)
        {
            await WriteErrorAsync(context, "a JSON object is required");
            return;
        }

        // Validate every value before changing any, so a bad request changes nothing.
        var problem = patch.Problem();
        if (problem is not null)
        {
            await WriteErrorAsync(context, problem);
            return;
        }
        if (patch.LatencyMs is { } latency) settings.Latency = TimeSpan.FromMilliseconds(latency);
        if (patch.EvotorRateLimit is { } limit) settings.EvotorRateLimit = limit;
        if (patch.EvotorRateWindowMs is { } window) settings.EvotorRateWindow = TimeSpan.FromMilliseconds(window);
        if (patch.MaxPageSize is { } pageSize) settings.MaxPageSize = pageSize;
        if (patch.EvotorBulkTaskDurationMs is { } bulkDuration) settings.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(bulkDuration);
        if (patch.EnDocsRateLimit is { } enDocsLimit) settings.EnDocsRateLimit = enDocsLimit;
        if (patch.EnDocsRateWindowMs is { } enDocsWindow) settings.EnDocsRateWindow = TimeSpan.FromMilliseconds(enDocsWindow);
        if (patch.EnDocsSyncOff is { } syncOff) settings.EnDocsSyncOff = syncOff;
        if (patch.PlanFixSidTtlSeconds is { } sidTtl) settings.PlanFixSidTtl = TimeSpan.FromSeconds(sidTtl);
        if (patch.PlanFixRatePerSecond is { } planFixRate) settings.PlanFixRatePerSecond = planFixRate;
        if (patch.PlanFixDailyQuota is { } quota) settings.PlanFixDailyQuota = quota;
        await WriteJsonAsync(context, 200, SettingsDto.From(settings));
    }

    /// <summary>One fault rule from its JSON (as POST /_emulator/faults and <c>--fault</c> take it); throws
    /// <see cref="ArgumentException"/> naming the problem.</summary>
    internal static FaultRule ParseFault(string json)
    {
        FaultRule? rule;
        try
        {
            rule = JsonSerializer.Deserialize<FaultRule>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException(e.Message, e);
        }
        if (rule is null) throw new ArgumentException("a JSON object is required");
        rule.Validate();
        return rule;
    }

    private static async Task ReseedAsync(HttpContext context, FaultQueue faults)
    {
        var (read, body) = await ReadBodyAsync<SeedDto>(context, "seed");
        if (!read) return;
        if (body?.Seed is not int seed)
        {
            await WriteErrorAsync(context, "a JSON object {\"seed\": N} is required");
            return;
        }
        faults.Reseed(seed);
        await WriteJsonAsync(context, 200, new SeedDto(seed));
    }

    private sealed record SeedDto(int? Seed);

    private static async Task EnqueueFaultAsync(HttpContext context, FaultQueue faults)
    {
        try
        {
            var rule = await JsonSerializer.DeserializeAsync<FaultRule>(context.Request.Body, Json, context.RequestAborted)
                ?? throw new ArgumentException("a JSON object is required");
            faults.Enqueue(rule);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            await WriteErrorAsync(context, $"invalid fault rule: {e.Message}");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The request's JSON body; on malformed JSON a 400 naming <paramref name="what"/> is written and
    /// <c>Read</c> is false.</summary>
    private static async Task<(bool Read, T? Value)> ReadBodyAsync<T>(HttpContext context, string what) where T : class
    {
        try
        {
            return (true, await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Json, context.RequestAborted));
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(context, $"invalid {what} JSON: {e.Message}");
            return (false, null);
        }
    }

    private static Task WriteErrorAsync(HttpContext context, string message) =>
        WriteJsonAsync(context, 400, new Dictionary<string, string> { ["error"] = message });

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
    }

    private sealed record SettingsDto(long LatencyMs, int EvotorRateLimit, long EvotorRateWindowMs, int MaxPageSize, long EvotorBulkTaskDurationMs,
        int EnDocsRateLimit, long EnDocsRateWindowMs, bool EnDocsSyncOff, double PlanFixSidTtlSeconds, double PlanFixRatePerSecond,
        int PlanFixDailyQuota)
    {
        public static SettingsDto From(EmulatorSettings s) =>
            new((long)s.Latency.TotalMilliseconds, s.EvotorRateLimit, (long)s.EvotorRateWindow.TotalMilliseconds, s.MaxPageSize,
                (long)s.EvotorBulkTaskDuration.TotalMilliseconds, s.EnDocsRateLimit, (long)s.EnDocsRateWindow.TotalMilliseconds, s.EnDocsSyncOff,
                s.PlanFixSidTtl.TotalSeconds, s.PlanFixRatePerSecond, s.PlanFixDailyQuota);
    }

    private sealed class SettingsPatch
    {
        public long? LatencyMs { get; set; }
        public int? EvotorRateLimit { get; set; }
        public long? EvotorRateWindowMs { get; set; }
        public int? MaxPageSize { get; set; }
        public long? EvotorBulkTaskDurationMs { get; set; }
        public int? EnDocsRateLimit { get; set; }
        public long? EnDocsRateWindowMs { get; set; }
        public bool? EnDocsSyncOff { get; set; }
        public double? PlanFixSidTtlSeconds { get; set; }
        public double? PlanFixRatePerSecond { get; set; }
        public int? PlanFixDailyQuota { get; set; }

        public string? Problem() =>
            LatencyMs < 0 ? "latencyMs must not be negative"
            : EvotorRateLimit < 0 ? "evotorRateLimit must be 0 (off) or more"
            : EvotorRateWindowMs <= 0 ? "evotorRateWindowMs must be positive"
            : MaxPageSize < 1 ? "maxPageSize must be 1 or more"
            : EvotorBulkTaskDurationMs < 0 ? "evotorBulkTaskDurationMs must not be negative"
            : EnDocsRateLimit < 0 ? "enDocsRateLimit must be 0 (off) or more"
            : EnDocsRateWindowMs <= 0 ? "enDocsRateWindowMs must be positive"
            : PlanFixSidTtlSeconds is { } ttl && (!double.IsFinite(ttl) || ttl <= 0) ? "planFixSidTtlSeconds must be positive"
            : PlanFixRatePerSecond is { } rate && (!double.IsFinite(rate) || rate < 0) ? "planFixRatePerSecond must be 0 (off) or more"
            : PlanFixDailyQuota < 0 ? "planFixDailyQuota must be 0 or more"
            : null;
    }
}
