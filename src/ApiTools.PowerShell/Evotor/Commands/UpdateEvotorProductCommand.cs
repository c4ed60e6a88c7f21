namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Update-EvotorProduct: changes price, quantity or cost price (PATCH) of products piped in or named by id.</summary>
[Cmdlet(VerbsData.Update, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Product))]
public sealed class UpdateEvotorProductCommand : EvotorPatchCmdlet<ProductPatch>
{
    [Parameter] public decimal? Price { get; set; }
    [Parameter] public decimal? Quantity { get; set; }
    [Parameter] public decimal? CostPrice { get; set; }

    private protected override string What => "product";

    private protected override ProductPatch? NewPatch(out string nothingToChange)
    {
        nothingToChange = "Nothing to change: give -Price, -Quantity or -CostPrice (Evotor's PATCH changes only these).";
        var patch = new ProductPatch { Price = Price, Quantity = Quantity, CostPrice = CostPrice };
        return patch.IsEmpty ? null : patch;
    }

    // The same limits as a whole product's.
    private protected override void Check(ProductPatch patch) => ProductInput.CheckPatch(patch);

    private protected override string Describe(ProductPatch patch) =>
        "Set " + string.Join(", ", new[] { Price is null ? null : $"price {Price}", Quantity is null ? null : $"quantity {Quantity}", CostPrice is null ? null : $"cost price {CostPrice}" }
            .Where(s => s is not null));

    private protected override async Task<object> PatchAsync(string id, ProductPatch patch, CancellationToken cancellationToken) =>
        await Client.PatchProductAsync(StoreId, id, patch, cancellationToken).ConfigureAwait(false);
}
