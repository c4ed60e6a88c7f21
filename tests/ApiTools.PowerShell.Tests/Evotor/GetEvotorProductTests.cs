using System.Diagnostics;
using System.Management.Automation;
using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

public class GetEvotorProductTests
{
    private const string ProductType = "ApiTools.Evotor.Models.Product";

    [Fact]
    public async Task Stores_piped_in_give_every_seeded_product_typed_store_after_store()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 3; o.EvotorProductsPerStore = 9; o.MaxPageSize = 4; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorStore | Get-EvotorProduct");

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.All(result.Output, o => Assert.Equal(ProductType, o.BaseObject.GetType().FullName));
        var expected = server.Evotor.Stores.SelectMany(s => server.Evotor.ProductsOf(s.Id)).Select(p => p.Id);
        Assert.Equal(expected, result.Output.Select(o => o.Prop("Id")));
        Assert.Equal(9, server.Requests.Count(EvotorRouteKeys.Products)); // 3 stores × ⌈9/4⌉ pages
    }

    [Theory]
    [InlineData("Get-EvotorProduct -StoreId $s | Select-Object -First 5")]
    [InlineData("Get-EvotorProduct -StoreId $s -First 5")]
    public async Task The_first_five_products_cost_exactly_one_request(string script)
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 2500; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run(script, new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id });

        Assert.Equal(5, result.Output.Count);
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.Products));
    }

    [Fact]
    public async Task First_spans_stores_and_stops_fetching_when_spent()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 3; o.EvotorProductsPerStore = 6; o.MaxPageSize = 4; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorProduct -Skip 4 -First 5");

        var expected = server.Evotor.Stores.SelectMany(s => server.Evotor.ProductsOf(s.Id)).Skip(4).Take(5).Select(p => p.Id);
        Assert.Equal(expected, result.Output.Select(o => o.Prop("Id")));
        // Store 1: two pages (4 + 2 items); store 2: one page capped at the 3 still needed; store 3: none.
        Assert.Equal(3, server.Requests.Count(EvotorRouteKeys.Products));
    }

    [Fact]
    public async Task Stop_during_a_slow_products_page_returns_within_a_second()
    {
        await using var server = await StartAsync(o => o.EvotorStores = 1);
        using var session = new PowerShellSession();
        session.Connect(server);
        server.Settings.Latency = TimeSpan.FromSeconds(30);
        using var ps = session.Create("Get-EvotorProduct -StoreId $s", new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id });

        await StopCheck.StopsWithinAsync(ps, server, EvotorRouteKeys.Products, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Long_listings_write_progress_that_a_runbook_can_silence()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 2; o.EvotorProductsPerStore = 5; });
        using var session = new PowerShellSession();
        session.Connect(server);

        using var shown = session.Create("$ProgressPreference = 'Continue'; Get-EvotorProduct");
        var items = shown.Invoke();
        Assert.Equal(10, items.Count);
        Assert.Contains(shown.Streams.Progress, p => p.StatusDescription.Contains(" item") && p.StatusDescription.Contains("store"));
        Assert.Contains(shown.Streams.Progress, p => p.RecordType == ProgressRecordType.Completed);
        Assert.DoesNotContain(shown.Streams.Progress, p => p.StatusDescription.StartsWith("1 items"));

        using var silenced = session.Create("$ProgressPreference = 'SilentlyContinue'; Get-EvotorProduct");
        Assert.Equal(10, silenced.Invoke().Count);
        Assert.Empty(silenced.Streams.Progress);
    }
}

public class WriteValidationTests
{
    [Fact]
    public async Task An_invalid_item_costs_no_request_and_names_the_item_and_field()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 0; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("@{ Name = 'Хлеб'; Price = '1,234.50'; MeasureName = 'шт'; Tax = 'NO_VAT'; AllowToSell = $true; Type = 'NORMAL' } | New-EvotorProduct -StoreId $s",
            new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Evotor.ValidationFailed,", error.FullyQualifiedErrorId);
        Assert.Contains("Item 1 ('Хлеб')", error.Exception.Message);
        Assert.Contains("Price", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0, server.Requests.Total);
    }
}
