using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Get-EvotorProductImage: the images of products piped in or named by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProductImage")]
[OutputType(typeof(ProductImage))]
public sealed class GetEvotorProductImageCommand : EvotorCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StoreId { get; set; } = "";

    /// <summary>The product; alias Id so a product piped in binds.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string ProductId { get; set; } = "";

    protected override void ProcessRecord() =>
        WriteStream(Client.GetProductImagesAsync(StoreId, ProductId, PagerCap, StopToken), target: ProductId);
}
