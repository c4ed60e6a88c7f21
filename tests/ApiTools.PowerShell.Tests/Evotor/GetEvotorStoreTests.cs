using System.Diagnostics;
using System.Management.Automation;
using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

public class GetEvotorStoreTests
{
    [Fact]
    public async Task Writes_every_seeded_store_as_a_typed_Store()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 5; o.MaxPageSize = 2; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorStore");

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        var stores = result.Output.Select(PSObjectAssert.IsStore).ToList();
        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), stores.Select(s => s.Prop("Id")));
        Assert.Equal(server.Evotor.Stores.Select(s => s.Name), stores.Select(s => s.Prop("Name")));
        Assert.Equal(3, server.Requests.Count(RouteStores));
    }

    [Theory]
    [InlineData("Get-EvotorStore | Select-Object -First 1")]
    [InlineData("Get-EvotorStore -First 1")]
    public async Task Taking_the_first_store_of_a_multi_page_list_costs_one_request(string script)
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 5; o.MaxPageSize = 2; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run(script);

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Equal(server.Evotor.Stores[0].Id, PSObjectAssert.IsStore(Assert.Single(result.Output)).Prop("Id"));
        Assert.Equal(1, server.Requests.Count(RouteStores));
    }

    [Fact]
    public async Task A_missing_id_is_a_non_terminating_NotFound_and_the_other_ids_still_come_out()
    {
        await using var server = await StartAsync();
        using var session = new PowerShellSession();
        session.Connect(server);
        var real = server.Evotor.Stores[1].Id;

        var result = session.Run("Get-EvotorStore -Id 'no-such-store', $real", new Dictionary<string, object> { ["real"] = real });

        Assert.Null(result.Failure);
        Assert.Equal(real, PSObjectAssert.IsStore(Assert.Single(result.Output)).Prop("Id"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Evotor.NotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("no-such-store", error.TargetObject);
    }

    [Fact]
    public async Task Stores_piped_in_bind_by_their_StoreId()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 3);
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorStore | Get-EvotorStore | ForEach-Object Id");

        Assert.Equal(server.Evotor.Stores.Select(s => s.Id), result.Output.Select(o => (string)o.BaseObject));
        Assert.Equal(3, server.Requests.Count(RouteStore));
    }

    [Fact]
    public async Task A_bad_token_stops_the_cmdlet_with_an_Unauthorized_error_that_try_catch_sees()
    {
        await using var server = await StartAsync();
        using var session = new PowerShellSession();
        session.Connect(server, token: "not-a-valid-token-77");
        var ids = server.Evotor.Stores.Select(s => s.Id).ToArray();

        // Terminating: the later ids are not even tried, and try/catch catches it (a per-item error it would not).
        var result = session.Run("try { Get-EvotorStore -Id $ids } catch { $_ }", new Dictionary<string, object> { ["ids"] = ids });

        var caught = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.StartsWith("Evotor.Unauthorized,", caught.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, caught.CategoryInfo.Category);
        Assert.Equal(1, server.Requests.Count(RouteStore));
    }

    [Fact]
    public async Task Stop_during_a_slow_page_returns_within_a_second()
    {
        await using var server = await StartAsync(o => o.Latency = TimeSpan.FromSeconds(30));
        using var session = new PowerShellSession();
        session.Connect(server);
        using var ps = session.Create("Get-EvotorStore");

        await StopCheck.StopsWithinAsync(ps, server, RouteStores, TimeSpan.FromSeconds(1));
        Assert.Empty(ps.Streams.Error);
    }

    [Fact]
    public async Task Every_HTTP_call_writes_one_verbose_line_with_method_path_status_and_time()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 3; o.MaxPageSize = 2; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorStore -Verbose");

        var calls = result.Verbose.Select(v => v.Message).Where(m => m.StartsWith("Evotor GET /stores")).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, m => Assert.Matches(@"^Evotor GET /stores -> 200 in \d+ ms$", m));
        Assert.Contains(result.Verbose, v => v.Message.Contains("from Connect-Evotor"));
    }

    [Fact]
    public async Task A_throttle_wait_over_a_second_is_a_warning()
    {
        await using var server = await StartAsync();
        server.Faults.Enqueue(new FaultRule { Route = RouteStores, Status = 429, RetryAfterSeconds = 2 });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorStore");

        Assert.Null(result.Failure);
        Assert.Equal(server.Evotor.Stores.Count, result.Output.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Waiting 2.0 s", warning.Message);
        Assert.Contains("429", warning.Message);
    }
}
