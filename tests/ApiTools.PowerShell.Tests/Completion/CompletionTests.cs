using System.Diagnostics;
using System.Management.Automation;
using ApiTools.PowerShell.Tests.PlanFix;
using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Completion;

/// <summary>Tab on an id parameter, as the console asks for it (TabExpansion2): names in the list, the quoted id inserted,
/// kept per connection, and never a wait much past a second.</summary>
public class CompletionTests
{
    private static List<CompletionResult> Tab(PowerShellSession session, string line)
    {
        var result = session.Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches", new Dictionary<string, object> { ["line"] = line });
        Assert.Null(result.Failure);
        return result.Output.Select(o => (CompletionResult)o.BaseObject).ToList();
    }

    [Fact]
    public async Task StoreId_offers_the_stores_by_name_and_inserts_the_quoted_id_then_the_same_tab_is_served_from_memory()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 3);
        using var session = new PowerShellSession();
        session.Connect(server);

        var offered = Tab(session, "Get-EvotorProduct -StoreId ");

        Assert.Equal(server.Evotor.Stores.Select(s => "'" + s.Id + "'").OrderBy(x => x), offered.Select(c => c.CompletionText).OrderBy(x => x));
        Assert.All(offered, c => Assert.Contains(server.Evotor.Stores.Single(s => c.CompletionText.Contains(s.Id)).Name, c.ListItemText));
        var asked = server.Requests.Count(RouteStores);
        Assert.Equal(3, Tab(session, "Get-EvotorDevice -StoreId ").Count);
        Assert.Equal(asked, server.Requests.Count(RouteStores));
    }

    [Fact]
    public async Task A_product_Id_offers_the_products_of_the_store_typed_before_it_filtered_by_what_is_typed()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 2; o.EvotorProductsPerStore = 7; });
        using var session = new PowerShellSession();
        session.Connect(server);
        var store = server.Evotor.Stores[1];
        var products = server.Evotor.ProductsOf(store.Id).ToList();

        var all = Tab(session, $"Get-EvotorProduct -StoreId '{store.Id}' -Id ");
        var name = products[0].Name;
        var some = Tab(session, $"Get-EvotorProduct -StoreId '{store.Id}' -Id {name.Substring(0, 3)}");

        Assert.Equal(products.Select(p => "'" + p.Id + "'").OrderBy(x => x), all.Select(c => c.CompletionText).OrderBy(x => x));
        Assert.Contains(some, c => c.CompletionText == "'" + products[0].Id + "'");
        Assert.All(some, c => Assert.StartsWith(name.Substring(0, 3), c.ListItemText, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(Tab(session, "Get-EvotorProduct -Id ")); // no store typed: nothing to offer, and no error
    }

    [Fact]
    public async Task A_server_too_slow_for_Tab_gives_no_completions_within_about_a_second_and_the_next_Tab_has_them()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 2; o.Latency = TimeSpan.FromSeconds(8); });
        using var session = new PowerShellSession();
        session.Connect(server);

        var clock = Stopwatch.StartNew();
        var first = Tab(session, "Get-EvotorProduct -StoreId ");
        var waited = clock.Elapsed;

        Assert.Empty(first);
        Assert.True(waited < TimeSpan.FromSeconds(6), $"Tab waited {waited.TotalSeconds:0.0} s for a server that answers after 8 s");
        await server.WaitForRequestAsync(RouteStores, 1, TimeSpan.FromSeconds(30));
        List<CompletionResult> later = new();
        for (var i = 0; i < 20 && later.Count == 0; i++) later = Tab(session, "Get-EvotorProduct -StoreId ");
        Assert.Equal(2, later.Count);
        Assert.Equal(1, server.Requests.Count(RouteStores)); // the late answer was kept, not asked for again
    }

    [Fact]
    public async Task PlanFix_project_ids_and_methods_complete()
    {
        await using var server = await PlanFixSession.StartAsync();
        using var session = new PowerShellSession();
        session.ConnectPlanFix(server);

        var projects = Tab(session, "Get-PlanFixTask -ProjectId ");
        var methods = Tab(session, "Invoke-PlanFixRequest -Method task.get");

        Assert.NotEmpty(projects);
        Assert.Contains(projects, c => c.ListItemText.StartsWith(server.PlanFix.Projects[0].Title, StringComparison.Ordinal));
        Assert.Equal(new[] { "task.get", "task.getList", "task.getMulti" }, methods.Select(c => c.CompletionText));
    }
}
