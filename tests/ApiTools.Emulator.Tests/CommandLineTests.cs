using System.Text.RegularExpressions;

namespace ApiTools.Emulator.Tests;

/// <summary>The emulator's switches, as scripts and the Pester tests pass them.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Every_switch_sets_its_option()
    {
        var line = CommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0", "--seed", "-7", "--fault-seed", "9",
            "--evotor-stores", "3", "--evotor-products-per-store", "1000000", "--evotor-product-groups-per-store", "0",
            "--evotor-devices-per-store", "1", "--evotor-employees", "2", "--evotor-documents-per-store", "5", "--evotor-bulk-tasks", "6",
            "--max-page-size", "7", "--evotor-tokens", " a , b,,", "--evotor-rate-limit", "8", "--evotor-rate-window-ms", "250",
            "--latency-ms", "15", "--evotor-bulk-duration-ms", "0", "--unknown-fields",
            "--evotor-shapes", "documentation", "--evotor-write-answer", "NoContent", "--evotor-image-answer", "Metadata",
            "--endocs-contracts", "11", "--endocs-invoices", "200000", "--endocs-inputs", "13", "--endocs-non-form", "14",
            "--endocs-contractors", "15", "--endocs-organizations", "16", "--endocs-users", "17", "--endocs-tokens", "e1,e2",
            "--endocs-rate-limit", "0", "--endocs-rate-window-ms", "1", "--endocs-sync-off",
            "--planfix-account", "acme", "--planfix-api-keys", "k1,k2", "--planfix-tokens", "", "--planfix-logins", "ivan:p:w, olga:",
            "--planfix-sid-ttl-seconds", "120", "--planfix-rate-per-second", "2.5", "--planfix-daily-quota", "0",
            "--planfix-time-zone", "-05:30", "--planfix-tasks", "100000", "--planfix-projects", "0", "--planfix-contacts", "1",
            "--planfix-users", "1",
            "--fault", """{"route":"GET /evotor/stores","status":503}""", "--fault", """{"dropConnection":true,"times":2}""",
        ]);
        var o = line.Options;

        Assert.Equal("http://127.0.0.1:0", line.Urls);
        Assert.False(line.Help);
        Assert.Equal((-7, 9), (o.Seed, o.FaultSeed));
        Assert.Equal([3, 1_000_000, 0, 1, 2, 5, 6, 7],
            [o.EvotorStores, o.EvotorProductsPerStore, o.EvotorProductGroupsPerStore, o.EvotorDevicesPerStore, o.EvotorEmployees,
             o.EvotorDocumentsPerStore, o.EvotorBulkTasks, o.MaxPageSize]);
        Assert.Equal(["a", "b"], o.EvotorTokens);
        Assert.Equal(8, o.EvotorRateLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), o.EvotorRateWindow);
        Assert.Equal(TimeSpan.FromMilliseconds(15), o.Latency);
        Assert.Equal(TimeSpan.Zero, o.EvotorBulkTaskDuration);
        Assert.True(o.UnknownFields);
        Assert.Equal((EvotorShapes.Documentation, EvotorWriteAnswer.NoContent, EvotorImageAnswer.Metadata), (o.EvotorShapes, o.EvotorWriteAnswer, o.EvotorImageAnswer));
        Assert.Equal([11, 200_000, 13, 14, 15, 16, 17],
            [o.EnDocsContracts, o.EnDocsInvoices, o.EnDocsInputs, o.EnDocsNonForm, o.EnDocsContractors, o.EnDocsOrganizations, o.EnDocsUsers]);
        Assert.Equal(["e1", "e2"], o.EnDocsTokens);
        Assert.Equal(0, o.EnDocsRateLimit);
        Assert.Equal(TimeSpan.FromMilliseconds(1), o.EnDocsRateWindow);
        Assert.True(o.EnDocsSyncOff);
        Assert.Equal("acme", o.PlanFixAccount);
        Assert.Equal(["k1", "k2"], o.PlanFixApiKeys);
        Assert.Empty(o.PlanFixTokens);
        Assert.Equal(new Dictionary<string, string> { ["ivan"] = "p:w", ["olga"] = "" }, o.PlanFixLogins);
        Assert.Equal(TimeSpan.FromMinutes(2), o.PlanFixSidTtl);
        Assert.Equal(2.5, o.PlanFixRatePerSecond);
        Assert.Equal(0, o.PlanFixDailyQuota);
        Assert.Equal(TimeSpan.FromMinutes(-330), o.PlanFixTimeZone.BaseUtcOffset);
        Assert.Equal("UTC-05:30", o.PlanFixTimeZone.Id);
        Assert.Equal([100_000, 0, 1, 1], [o.PlanFixTasks, o.PlanFixProjects, o.PlanFixContacts, o.PlanFixUsers]);
        Assert.Equal([new FaultRule { Route = "GET /evotor/stores", Status = 503 }, new FaultRule { DropConnection = true, Times = 2 }], o.Faults);
    }

    [Fact]
    public void Without_switches_the_options_are_the_defaults()
    {
        var line = CommandLine.Parse([]);
        var defaults = new EmulatorOptions();

        Assert.Equal("http://127.0.0.1:5000", line.Urls);
        foreach (var property in typeof(EmulatorOptions).GetProperties().Where(p => p.CanWrite))
            Assert.Equal(property.GetValue(defaults), property.GetValue(line.Options));
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_a_later_switch_wins()
    {
        var line = CommandLine.Parse(["--seed=5", "--urls=http://127.0.0.1:1234", "--seed", "6", "--planfix-account=a=b", "--planfix-time-zone=+04:00"]);

        Assert.Equal(6, line.Options.Seed);
        Assert.Equal("http://127.0.0.1:1234", line.Urls);
        Assert.Equal("a=b", line.Options.PlanFixAccount);
        Assert.Equal(TimeSpan.FromHours(4), line.Options.PlanFixTimeZone.BaseUtcOffset);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--help=yes")]
    public void Help_is_asked_for(string arg) => Assert.True(CommandLine.Parse([arg]).Help);

    [Theory]
    [InlineData("--seed", "--seed needs a value")]
    [InlineData("--urls", "--urls needs a value")]
    [InlineData("--seed x", "--seed needs a whole number of at least -2147483648, not 'x'")]
    [InlineData("--seed --evotor-stores", "--seed needs a whole number of at least -2147483648, not '--evotor-stores'")]
    [InlineData("--fault-seed 1.5", "--fault-seed needs a whole number of at least -2147483648, not '1.5'")]
    [InlineData("--evotor-stores -1", "--evotor-stores needs a whole number of at least 0, not '-1'")]
    [InlineData("--max-page-size 0", "--max-page-size needs a whole number of at least 1, not '0'")]
    [InlineData("--latency-ms=-5", "--latency-ms needs a whole number of at least 0, not '-5'")]
    [InlineData("--evotor-rate-window-ms 0", "--evotor-rate-window-ms needs a whole number of at least 1, not '0'")]
    [InlineData("--endocs-rate-window-ms 0", "--endocs-rate-window-ms needs a whole number of at least 1, not '0'")]
    [InlineData("--planfix-sid-ttl-seconds 0", "--planfix-sid-ttl-seconds needs a whole number of at least 1, not '0'")]
    [InlineData("--planfix-users 0", "--planfix-users needs a whole number of at least 1, not '0'")]
    [InlineData("--evotor-tokens ,", "--evotor-tokens needs at least one token")]
    [InlineData("--endocs-tokens=", "--endocs-tokens needs at least one token")]
    [InlineData("--planfix-api-keys=,", "--planfix-api-keys needs at least one key")]
    [InlineData("--unknown-fields=1", "--unknown-fields takes no value")]
    [InlineData("--endocs-sync-off=yes", "--endocs-sync-off takes no value")]
    [InlineData("--planfix-logins demo", "--planfix-logins needs login:password pairs, not 'demo'")]
    [InlineData("--planfix-logins :x", "--planfix-logins needs login:password pairs, not ':x'")]
    [InlineData("--planfix-rate-per-second -1", "--planfix-rate-per-second needs a number of at least 0, not '-1'")]
    [InlineData("--planfix-rate-per-second abc", "--planfix-rate-per-second needs a number of at least 0, not 'abc'")]
    [InlineData("--planfix-time-zone Mars/Olympus", "--planfix-time-zone needs an offset such as +03:00 or a time zone id, not 'Mars/Olympus'")]
    [InlineData("""--fault {"status":1}""", """--fault needs a fault rule as JSON (Status must be 0 (none) or 100..599 (was 1)), not '{"status":1}'""")]
    [InlineData("--evotor-shapes docs", "--evotor-shapes needs one of Service, Documentation, not 'docs'")]
    [InlineData("--evotor-write-answer 2", "--evotor-write-answer needs one of Body, Created, NoContent, Empty, not '2'")]
    [InlineData("--evotor-image-answer", "--evotor-image-answer needs a value")]
    [InlineData("--bogus", "unknown argument '--bogus'")]
    [InlineData("--bogus=3", "unknown argument '--bogus=3'")]
    [InlineData("-h=1", "unknown argument '-h=1'")]
    public void A_mistake_is_named(string args, string message)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(args.Split(' ')));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_usage_lists_every_switch_the_parser_takes_with_its_default()
    {
        var defaults = new EmulatorOptions();
        var listed = Regex.Matches(CommandLine.Usage, @"^  (--[a-z-]+)(?: (\S+))?", RegexOptions.Multiline)
            .Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();

        Assert.True(listed.Count >= 42, $"{listed.Count} switches listed");
        foreach (var (name, value) in listed)
        {
            string[] args = value switch
            {
                "" => [name],
                "JSON" => [name, """{"status":503}"""],
                "ZONE" => [name, "+03:00"],
                "l:p,l2:p2" => [name, "a:b"],
                _ when value.Contains('|') => [name, value.Split('|')[^1]],
                _ => [name, "1"],
            };
            CommandLine.Parse(args); // throws for a switch the parser does not know
        }
        Assert.Contains("--evotor-stores N               seeded Evotor stores (default 5)\n", CommandLine.Usage.ReplaceLineEndings("\n"));
        Assert.Contains($"(default {defaults.PlanFixDailyQuota})", CommandLine.Usage);
        Assert.Contains($"(default {string.Join(",", defaults.EvotorTokens)})", CommandLine.Usage);
        Assert.Contains("--evotor-write-answer Body|Created|NoContent|Empty", CommandLine.Usage);
        Assert.Contains("(default Body)", CommandLine.Usage);
    }
}
