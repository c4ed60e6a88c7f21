namespace ApiTools.Emulator.Control;

// /_emulator/settings: the live settings as JSON.
internal static partial class ControlEndpoints
{
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
        patch.ApplyTo(settings);
        await WriteJsonAsync(context, 200, SettingsPatch.From(settings));
    }

    /// <summary>
    /// The JSON of the settings: POST takes any of these values (a missing or null one stays as it is); GET sends
    /// a patch that names them all. Durations go as milliseconds, the sid lifetime as seconds. Read with the
    /// control surface's JSON options, so a misspelt name is refused rather than ignored.
    /// </summary>
    private sealed class SettingsPatch
    {
        public long? LatencyMs { get; set; }
        public int? EvotorRateLimit { get; set; }
        public long? EvotorRateWindowMs { get; set; }
        public int? MaxPageSize { get; set; }
        public long? EvotorBulkTaskDurationMs { get; set; }
        public string? EvotorShapes { get; set; }
        public string? EvotorWriteAnswer { get; set; }
        public string? EvotorImageAnswer { get; set; }
        public int? EnDocsRateLimit { get; set; }
        public long? EnDocsRateWindowMs { get; set; }
        public bool? EnDocsSyncOff { get; set; }
        public double? PlanFixSidTtlSeconds { get; set; }
        public double? PlanFixRatePerSecond { get; set; }
        public int? PlanFixDailyQuota { get; set; }

        public static SettingsPatch From(EmulatorSettings s) => new()
        {
            LatencyMs = (long)s.Latency.TotalMilliseconds,
            EvotorRateLimit = s.EvotorRateLimit,
            EvotorRateWindowMs = (long)s.EvotorRateWindow.TotalMilliseconds,
            MaxPageSize = s.MaxPageSize,
            EvotorBulkTaskDurationMs = (long)s.EvotorBulkTaskDuration.TotalMilliseconds,
            EvotorShapes = s.EvotorShapes.ToString(),
            EvotorWriteAnswer = s.EvotorWriteAnswer.ToString(),
            EvotorImageAnswer = s.EvotorImageAnswer.ToString(),
            EnDocsRateLimit = s.EnDocsRateLimit,
            EnDocsRateWindowMs = (long)s.EnDocsRateWindow.TotalMilliseconds,
            EnDocsSyncOff = s.EnDocsSyncOff,
            PlanFixSidTtlSeconds = s.PlanFixSidTtl.TotalSeconds,
            PlanFixRatePerSecond = s.PlanFixRatePerSecond,
            PlanFixDailyQuota = s.PlanFixDailyQuota,
        };

        /// <summary>The first value the settings would refuse, named as the JSON names it; null when all are good.</summary>
        public string? Problem() =>
            LatencyMs < 0 ? "latencyMs must not be negative"
            : EvotorRateLimit < 0 ? "evotorRateLimit must be 0 (off) or more"
            : EvotorRateWindowMs <= 0 ? "evotorRateWindowMs must be positive"
            : MaxPageSize < 1 ? "maxPageSize must be 1 or more"
            : EvotorBulkTaskDurationMs < 0 ? "evotorBulkTaskDurationMs must not be negative"
            : EvotorShapes is not null && !Named<EvotorShapes>(EvotorShapes, out _) ? "evotorShapes must be Service or Documentation"
            : EvotorWriteAnswer is not null && !Named<EvotorWriteAnswer>(EvotorWriteAnswer, out _) ? "evotorWriteAnswer must be Body, Created, NoContent or Empty"
            : EvotorImageAnswer is not null && !Named<EvotorImageAnswer>(EvotorImageAnswer, out _) ? "evotorImageAnswer must be Bytes or Metadata"
            : EnDocsRateLimit < 0 ? "enDocsRateLimit must be 0 (off) or more"
            : EnDocsRateWindowMs <= 0 ? "enDocsRateWindowMs must be positive"
            : PlanFixSidTtlSeconds is { } ttl && (!double.IsFinite(ttl) || ttl <= 0) ? "planFixSidTtlSeconds must be positive"
            : PlanFixRatePerSecond is { } rate && (!double.IsFinite(rate) || rate < 0) ? "planFixRatePerSecond must be 0 (off) or more"
            : PlanFixDailyQuota < 0 ? "planFixDailyQuota must be 0 or more"
            : null;

        /// <summary>One of <typeparamref name="T"/>'s names, in any case (a number is not a name).</summary>
        private static bool Named<T>(string text, out T value) where T : struct, Enum =>
            Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(text.Trim()[0]);

        /// <summary>Sets every value this body names (after <see cref="Problem"/> found none wrong).</summary>
        public void ApplyTo(EmulatorSettings settings)
        {
            if (LatencyMs is { } latency) settings.Latency = TimeSpan.FromMilliseconds(latency);
            if (EvotorRateLimit is { } limit) settings.EvotorRateLimit = limit;
            if (EvotorRateWindowMs is { } window) settings.EvotorRateWindow = TimeSpan.FromMilliseconds(window);
            if (MaxPageSize is { } pageSize) settings.MaxPageSize = pageSize;
            if (EvotorBulkTaskDurationMs is { } bulkDuration) settings.EvotorBulkTaskDuration = TimeSpan.FromMilliseconds(bulkDuration);
            if (EvotorShapes is not null && Named<EvotorShapes>(EvotorShapes, out var shapes)) settings.EvotorShapes = shapes;
            if (EvotorWriteAnswer is not null && Named<EvotorWriteAnswer>(EvotorWriteAnswer, out var writeAnswer)) settings.EvotorWriteAnswer = writeAnswer;
            if (EvotorImageAnswer is not null && Named<EvotorImageAnswer>(EvotorImageAnswer, out var imageAnswer)) settings.EvotorImageAnswer = imageAnswer;
            if (EnDocsRateLimit is { } enDocsLimit) settings.EnDocsRateLimit = enDocsLimit;
            if (EnDocsRateWindowMs is { } enDocsWindow) settings.EnDocsRateWindow = TimeSpan.FromMilliseconds(enDocsWindow);
            if (EnDocsSyncOff is { } syncOff) settings.EnDocsSyncOff = syncOff;
            if (PlanFixSidTtlSeconds is { } sidTtl) settings.PlanFixSidTtl = TimeSpan.FromSeconds(sidTtl);
            if (PlanFixRatePerSecond is { } planFixRate) settings.PlanFixRatePerSecond = planFixRate;
            if (PlanFixDailyQuota is { } quota) settings.PlanFixDailyQuota = quota;
        }
    }
}
