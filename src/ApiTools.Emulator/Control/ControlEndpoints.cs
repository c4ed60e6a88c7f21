using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Emulator.Control;

/// <summary>
/// /_emulator: steering for scripts and out-of-process tests. No auth, no latency, not counted and
/// not rate limited (these routes carry no service metadata, so the service pipeline skips them).
/// Errors are <c>{"error":"…"}</c> with 400.
/// </summary>
internal static partial class ControlEndpoints
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
        group.MapGet("/settings", context => WriteJsonAsync(context, 200, SettingsPatch.From(control.Settings)));
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
}
