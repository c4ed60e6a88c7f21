namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorProductImage: the images of products piped in or named by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProductImage")]
[OutputType(typeof(ProductImage))]
public sealed class GetEvotorProductImageCommand : EvotorStoreItemCmdlet
{
    /// <summary>The product; alias Id so a product piped in binds.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string ProductId { get; set; } = "";

    protected override void ProcessRecord() =>
        WriteStream(WithOwner(Client.GetProductImagesAsync(StoreId, ProductId, PagerCap, StopToken)), target: ProductId);

    /// <summary>Fills in the store and product the server may leave out, so images pipe into Save-/Remove-.</summary>
    private async System.Collections.Generic.IAsyncEnumerable<ProductImage> WithOwner(System.Collections.Generic.IAsyncEnumerable<ProductImage> images)
    {
        await foreach (var image in images.ConfigureAwait(false))
        {
            image.StoreId ??= StoreId;
            image.ProductId ??= ProductId;
            yield return image;
        }
    }
}
