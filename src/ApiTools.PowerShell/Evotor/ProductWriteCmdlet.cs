using ApiTools.PowerShell.Evotor.Completers;

namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// What New-EvotorProduct and Set-EvotorProduct share: the product's fields as parameters, with everyday defaults (шт,
/// NO_VAT, NORMAL, sellable).
/// </summary>
public abstract class ProductWriteCmdlet : EvotorWriteCmdlet<Product>
{
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    public decimal Price { get; set; }

    /// <summary>шт, кг, л, … (Tab completes the usual ones; a unit of your own goes as written).</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MeasureNameCompleter))]
    public string MeasureName { get; set; } = "шт";

    /// <summary>NO_VAT, VAT_0, VAT_10, VAT_20, … (Tab completes the known rates; any other goes to Evotor, which judges it).</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaxCompleter))]
    public string Tax { get; set; } = "NO_VAT";

    /// <summary>NORMAL, SERVICE, ALCOHOL_MARKED, … (Tab completes the known types; any other goes to Evotor, which judges it).</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ProductTypeCompleter))]
    public string Type { get; set; } = "NORMAL";

    [Parameter(ParameterSetName = ParametersSet)]
    public bool AllowToSell { get; set; } = true;

    [Parameter(ParameterSetName = ParametersSet)] public decimal? CostPrice { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public decimal? Quantity { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? ArticleNumber { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Code { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string[]? Barcodes { get; set; }

    /// <summary>The product group to put it in.</summary>
    [Parameter(ParameterSetName = ParametersSet)] [ValidateEvotorId] [ArgumentCompleter(typeof(EvotorIdCompleter))] public string? ParentId { get; set; }

    private protected override UnknownFields NewUnknownFields() => ProductInput.NewUnknownFields();

    private protected override IDictionary<string, object?> ParameterDefaults() => new Dictionary<string, object?>
    {
        ["MeasureName"] = MeasureName,
        ["Tax"] = Tax,
        ["Type"] = Type,
        ["AllowToSell"] = AllowToSell,
    };
}
