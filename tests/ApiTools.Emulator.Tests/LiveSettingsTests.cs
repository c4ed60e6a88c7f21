using System.Net;
using System.Text;

namespace ApiTools.Emulator.Tests;

/// <summary>The live settings: in process (<see cref="EmulatorServer.Settings"/>) and over /_emulator/settings.</summary>
public sealed class LiveSettingsTests
{
    private const string Defaults =
        """{"latencyMs":0,"evotorRateLimit":0,"evotorRateWindowMs":1000,"maxPageSize":1000,"evotorBulkTaskDurationMs":2000,"evotorShapes":"Service","evotorWriteAnswer":"Body","evotorImageAnswer":"Bytes","enDocsRateLimit":300,"enDocsRateWindowMs":60000,"enDocsSyncOff":false,"planFixSidTtlSeconds":3600,"planFixRatePerSecond":1,"planFixDailyQuota":5000}""";

    [Fact]
    public async Task Every_setting_is_shown_changed_and_reset_over_http()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        var before = await control.GetStringAsync("_emulator/settings");
        using var changed = await Post(control, """
            {"latencyMs":5,"evotorRateLimit":6,"evotorRateWindowMs":7000,"maxPageSize":8,"evotorBulkTaskDurationMs":9,
             "evotorShapes":"documentation","evotorWriteAnswer":"Created","evotorImageAnswer":"METADATA","enDocsRateLimit":10,
             "enDocsRateWindowMs":11,"enDocsSyncOff":true,"planFixSidTtlSeconds":12.5,"planFixRatePerSecond":0.25,"planFixDailyQuota":13}
            """);
        var changedBody = await changed.Content.ReadAsStringAsync();
        var s = server.Settings;
        var live = (s.Latency, s.EvotorRateLimit, s.EvotorRateWindow, s.MaxPageSize, s.EvotorBulkTaskDuration, s.EnDocsRateLimit,
            s.EnDocsRateWindow, s.EnDocsSyncOff, s.PlanFixSidTtl, s.PlanFixRatePerSecond, s.PlanFixDailyQuota);
        var shapes = (s.EvotorShapes, s.EvotorWriteAnswer, s.EvotorImageAnswer);
        server.Reset();
        var after = await control.GetStringAsync("_emulator/settings");

        Assert.Equal(Defaults, before);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("""{"latencyMs":5,"evotorRateLimit":6,"evotorRateWindowMs":7000,"maxPageSize":8,"evotorBulkTaskDurationMs":9,"evotorShapes":"Documentation","evotorWriteAnswer":"Created","evotorImageAnswer":"Metadata","enDocsRateLimit":10,"enDocsRateWindowMs":11,"enDocsSyncOff":true,"planFixSidTtlSeconds":12.5,"planFixRatePerSecond":0.25,"planFixDailyQuota":13}""",
            changedBody);
        Assert.Equal((TimeSpan.FromMilliseconds(5), 6, TimeSpan.FromSeconds(7), 8, TimeSpan.FromMilliseconds(9), 10, TimeSpan.FromMilliseconds(11),
            true, TimeSpan.FromSeconds(12.5), 0.25, 13), live);
        Assert.Equal((EvotorShapes.Documentation, EvotorWriteAnswer.Created, EvotorImageAnswer.Metadata), shapes);
        Assert.Equal(Defaults, after);
    }

    [Fact]
    public async Task Names_are_case_insensitive_numbers_may_be_strings_and_null_leaves_a_setting()
    {
        await using var server = await EmulatorServer.StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        using var response = await Post(control, """{"MaxPageSize":"7","LATENCYMS":3,"planFixDailyQuota":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, server.Settings.MaxPageSize);
        Assert.Equal(TimeSpan.FromMilliseconds(3), server.Settings.Latency);
        Assert.Equal(5000, server.Settings.PlanFixDailyQuota);
    }

    [Theory]
    [InlineData("""{"latencyMs":-1}""", "latencyMs must not be negative")]
    [InlineData("""{"evotorRateLimit":-1}""", "evotorRateLimit must be 0 (off) or more")]
    [InlineData("""{"evotorRateWindowMs":0}""", "evotorRateWindowMs must be positive")]
    [InlineData("""{"maxPageSize":0}""", "maxPageSize must be 1 or more")]
    [InlineData("""{"evotorBulkTaskDurationMs":-1}""", "evotorBulkTaskDurationMs must not be negative")]
    [InlineData("""{"enDocsRateLimit":-1}""", "enDocsRateLimit must be 0 (off) or more")]
    [InlineData("""{"enDocsRateWindowMs":0}""", "enDocsRateWindowMs must be positive")]
    [InlineData("""{"planFixSidTtlSeconds":0}""", "planFixSidTtlSeconds must be positive")]
    [InlineData("""{"planFixRatePerSecond":-0.5}""", "planFixRatePerSecond must be 0 (off) or more")]
    [InlineData("""{"planFixDailyQuota":-1}""", "planFixDailyQuota must be 0 or more")]
    [InlineData("""{"evotorShapes":"Docs"}""", "evotorShapes must be Service or Documentation")]
    [InlineData("""{"evotorWriteAnswer":"1"}""", "evotorWriteAnswer must be Body, Created, NoContent or Empty")]
    [InlineData("""{"evotorImageAnswer":"Url"}""", "evotorImageAnswer must be Bytes or Metadata")]
    [InlineData("""{"maxPageSize":5,"latencyMs":-1}""", "latencyMs must not be negative")]
    [InlineData("""{"planFixDailyQuota":-1,"maxPageSize":0}""", "maxPageSize must be 1 or more")]
    [InlineData("null", "a JSON object is required")]
    public async Task A_bad_value_is_refused_and_changes_nothing(string body, string message)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        using var response = await Post(control, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$"""{"error":"{{message}}"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(Defaults, await control.GetStringAsync("_emulator/settings"));
    }

    [Theory]
    [InlineData("""{"pageSize":5}""", "'pageSize'")]
    [InlineData("""{"maxPageSize":"many"}""", "$.maxPageSize")]
    [InlineData("""{"enDocsSyncOff":1}""", "$.enDocsSyncOff")]
    [InlineData("{", "")]
    [InlineData("[]", "")]
    public async Task A_body_that_is_not_settings_JSON_is_refused(string body, string named)
    {
        await using var server = await EmulatorServer.StartAsync();
        using var control = new HttpClient { BaseAddress = server.Address };

        using var response = await Post(control, body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("""{"error":"invalid settings JSON: """, text);
        Assert.Contains(named, text);
        Assert.Equal(Defaults, await control.GetStringAsync("_emulator/settings"));
    }

    [Fact]
    public async Task In_process_a_bad_value_throws_naming_the_setting()
    {
        await using var server = await EmulatorServer.StartAsync();
        var s = server.Settings;

        Assert.Equal("Latency", Assert.Throws<ArgumentOutOfRangeException>(() => s.Latency = TimeSpan.FromTicks(-1)).ParamName);
        Assert.Equal("EvotorRateLimit", Assert.Throws<ArgumentOutOfRangeException>(() => s.EvotorRateLimit = -1).ParamName);
        Assert.Equal("EvotorRateWindow", Assert.Throws<ArgumentOutOfRangeException>(() => s.EvotorRateWindow = TimeSpan.Zero).ParamName);
        Assert.Equal("MaxPageSize", Assert.Throws<ArgumentOutOfRangeException>(() => s.MaxPageSize = 0).ParamName);
        Assert.Equal("EvotorBulkTaskDuration", Assert.Throws<ArgumentOutOfRangeException>(() => s.EvotorBulkTaskDuration = TimeSpan.FromTicks(-1)).ParamName);
        Assert.Equal("EnDocsRateLimit", Assert.Throws<ArgumentOutOfRangeException>(() => s.EnDocsRateLimit = -1).ParamName);
        Assert.Equal("EnDocsRateWindow", Assert.Throws<ArgumentOutOfRangeException>(() => s.EnDocsRateWindow = TimeSpan.Zero).ParamName);
        Assert.Equal("PlanFixSidTtl", Assert.Throws<ArgumentOutOfRangeException>(() => s.PlanFixSidTtl = TimeSpan.Zero).ParamName);
        Assert.Equal("PlanFixRatePerSecond", Assert.Throws<ArgumentOutOfRangeException>(() => s.PlanFixRatePerSecond = double.NaN).ParamName);
        Assert.Equal("PlanFixRatePerSecond", Assert.Throws<ArgumentOutOfRangeException>(() => s.PlanFixRatePerSecond = double.PositiveInfinity).ParamName);
        Assert.Equal("PlanFixDailyQuota", Assert.Throws<ArgumentOutOfRangeException>(() => s.PlanFixDailyQuota = -1).ParamName);
        // Nothing was changed by the refused values.
        Assert.Equal((TimeSpan.Zero, 0, 1000, 300, 1.0, 5000), (s.Latency, s.EvotorRateLimit, s.MaxPageSize, s.EnDocsRateLimit, s.PlanFixRatePerSecond, s.PlanFixDailyQuota));
    }

    [Fact]
    public async Task A_bad_startup_value_of_a_live_setting_stops_the_start()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            EmulatorServer.StartAsync(new EmulatorOptions { PlanFixSidTtl = TimeSpan.Zero }));

        Assert.Equal("PlanFixSidTtl", error.ParamName);
    }

    [Fact]
    public async Task Options_changed_after_the_start_change_neither_the_server_nor_what_a_reset_restores()
    {
        var options = new EmulatorOptions { MaxPageSize = 3, EvotorTokens = ["t1"], PlanFixLogins = new Dictionary<string, string> { ["u"] = "p" } };
        await using var server = await EmulatorServer.StartAsync(options);

        options.MaxPageSize = 50;
        options.Latency = TimeSpan.FromMinutes(1);
        options.EvotorTokens.Add("t2");
        options.PlanFixLogins["v"] = "q";
        options.Faults.Add(new FaultRule { Status = 503 });
        server.Reset();
        using var second = new HttpClient { BaseAddress = server.Address };
        second.DefaultRequestHeaders.Authorization = new("Bearer", "t2");
        using var refused = await second.GetAsync("evotor/stores");

        Assert.Equal(3, server.Settings.MaxPageSize);
        Assert.Equal(TimeSpan.Zero, server.Settings.Latency);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(server.Faults.Pending());
    }

    private static Task<HttpResponseMessage> Post(HttpClient control, string json) =>
        control.PostAsync("_emulator/settings", new StringContent(json, Encoding.UTF8, "application/json"));
}
