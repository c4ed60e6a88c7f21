using System.Management.Automation;
using ApiTools.Emulator;
using ApiTools.PowerShell.Tests.Support;
using static ApiTools.PowerShell.Tests.Support.Emulator;

namespace ApiTools.PowerShell.Tests.Evotor;

/// <summary>The cmdlets against answers in the shapes Evotor's references show (the emulator's settings for them).</summary>
public class FidelityTests
{
    /// <summary>A valid 1×1 PNG.</summary>
    private static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Employees_in_the_documentations_shape_all_come_out_with_one_warning_per_field()
    {
        await using var server = await StartAsync(o => { o.EvotorEmployees = 12; o.MaxPageSize = 5; o.EvotorShapes = EvotorShapes.Documentation; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("Get-EvotorEmployee");

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Equal(server.Evotor.Employees.Select(e => (e.Id, e.Phone, string.Join(";", e.Stores))),
            result.Output.Select(o => (o.Prop("Id")!, o.Prop("Phone")!, o.Prop("Stores")!)));
        // Twelve employees over three pages, two odd fields each: one warning per field, naming it and no value.
        var warnings = result.Warnings.Select(w => w.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("employee field 'phone'"));
        Assert.Contains(warnings, w => w.Contains("employee field 'stores'"));
        Assert.DoesNotContain(warnings, w => server.Evotor.Employees.Any(e => w.Contains(e.Phone) || e.Stores.Any(w.Contains)));
    }

    [Fact]
    public async Task Wrapped_positions_and_payments_export_to_one_line_csv_cells_and_extra_reads_by_dotting()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorShapes = EvotorShapes.Documentation; });
        using var session = new PowerShellSession();
        session.Connect(server);
        var sale = server.Evotor.Documents.First(d => d.Type == "SELL" && d.Body!.Payments.Any(p => p.Type == "ELECTRON"));

        var result = session.Run("""
            $d = Get-EvotorDocument -StoreId $s -Id $id
            $d.Positions[0].ProductName
            $d.Payments.Where({ $_.Type -eq 'ELECTRON' })[0].Extra.bank_info.name
            $d.BodyExtra.print_groups[0].print_group.type
            ($d | ConvertTo-Csv -NoTypeInformation | Measure-Object -Line).Lines
            """, new Dictionary<string, object> { ["s"] = sale.StoreId, ["id"] = sale.Id });

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        Assert.Equal([sale.Body!.Positions[0].ProductName, "Сбербанк", "CASH_RECEIPT", "2"], result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public async Task A_product_created_with_todays_tax_rate_comes_back_once_when_Evotor_answers_201_without_a_body()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 2; o.EvotorWriteAnswer = EvotorWriteAnswer.Created; });
        using var session = new PowerShellSession();
        session.Connect(server);
        var store = server.Evotor.Stores[0].Id;

        var result = session.Run("New-EvotorProduct -StoreId $s -Name 'Сидр' -Price 120 -Tax VAT_20 -Description ('д' * 2000) -Confirm:$false",
            new Dictionary<string, object> { ["s"] = store });

        Assert.Null(result.Failure);
        Assert.Empty(result.Errors);
        var created = Assert.Single(result.Output);
        var stored = Assert.Single(server.Evotor.ProductsOf(store), p => p.Name == "Сидр");
        Assert.Equal((stored.Id, "VAT_20", 2000), (created.Prop("Id"), created.Prop("Tax"), created.Prop("Description")!.Length));
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.CreateProduct));
    }

    [Fact]
    public async Task A_tax_rate_Evotor_does_not_take_is_its_own_400_not_a_refusal_before_sending()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 1; });
        using var session = new PowerShellSession();
        session.Connect(server);

        var result = session.Run("New-EvotorProduct -StoreId $s -Name 'Квас' -Price 50 -Tax VAT_99 -Confirm:$false",
            new Dictionary<string, object> { ["s"] = server.Evotor.Stores[0].Id });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Evotor.ValidationFailed", error.FullyQualifiedErrorId);
        Assert.Contains("tax", error.Exception.Message);
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.CreateProduct)); // it went: Evotor judged it
    }

    [Theory]
    [InlineData("New-EvotorProduct -Tax VAT_2", "VAT_20")]
    [InlineData("New-EvotorProduct -Type SER", "SERVICE")]
    [InlineData("Get-EvotorDocument -Type POS_", "POS_OPEN_SESSION")]
    [InlineData("Get-EvotorBulkTask -Status DEC", "DECLINED")]
    public void Known_values_complete_on_Tab(string line, string completion)
    {
        using var session = new PowerShellSession();

        var result = session.Run("(TabExpansion2 -inputScript $l -cursorColumn $l.Length).CompletionMatches.CompletionText",
            new Dictionary<string, object> { ["l"] = line });

        Assert.Contains(completion, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public async Task An_image_answered_as_metadata_is_saved_from_its_url_without_the_token()
    {
        await using var server = await StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 2; o.EvotorImageAnswer = EvotorImageAnswer.Metadata; });
        using var session = new PowerShellSession();
        session.Connect(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        var png = OnePixelPng;
        server.Evotor.AddProductImage(store, product, "a.png", png);
        var folder = Directory.CreateTempSubdirectory("apitools-images-").FullName;
        try
        {
            var result = session.Run("Get-EvotorProductImage -StoreId $s -ProductId $p | Save-EvotorProductImage -Path $f",
                new Dictionary<string, object> { ["s"] = store, ["p"] = product, ["f"] = folder });

            Assert.Null(result.Failure);
            Assert.Empty(result.Errors);
            Assert.Equal(png, File.ReadAllBytes(Path.Combine(folder, product + ".png")));
            Assert.False(Assert.Single(server.Evotor.FileRequests).CarriedCredentials);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
