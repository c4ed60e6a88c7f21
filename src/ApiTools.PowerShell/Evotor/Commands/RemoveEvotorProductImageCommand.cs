namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Remove-EvotorProductImage: deletes product images piped in from Get-EvotorProductImage or named by id.</summary>
[Cmdlet(VerbsCommon.Remove, "EvotorProductImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveEvotorProductImageCommand : EvotorStoreItemCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string ProductId { get; set; } = "";

    /// <summary>The image; alias Id so an image piped in binds.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string ImageId { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"image {ImageId} of product {ProductId} in store {StoreId}", "Remove")) return;
        ForItem(ImageId, () => Await(async ct => { await Client.DeleteProductImageAsync(StoreId, ProductId, ImageId, ct).ConfigureAwait(false); return true; }));
    }
}
