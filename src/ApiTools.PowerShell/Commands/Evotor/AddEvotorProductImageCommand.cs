using System.IO;
using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Add-EvotorProductImage: uploads a PNG (≤ 300×300, ≤ 5,242,800 bytes, checked first) as a product's image.</summary>
[Cmdlet(VerbsCommon.Add, "EvotorProductImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ProductImage))]
public sealed class AddEvotorProductImageCommand : EvotorCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string StoreId { get; set; } = "";

    /// <summary>The product; alias Id so a product piped in binds.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    public string ProductId { get; set; } = "";

    /// <summary>The PNG file.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!File.Exists(file))
        {
            WriteError(new ErrorRecord(new FileNotFoundException($"No file at '{file}'.", file), "Evotor.ImageFileNotFound", ErrorCategory.ObjectNotFound, Path));
            return;
        }
        var bytes = File.ReadAllBytes(file);
        var name = System.IO.Path.GetFileName(file);
        if (!ShouldProcess($"product {ProductId} in store {StoreId}", $"Upload image '{name}'")) return;
        ForItem(Path, () => WriteObject(Await(ct => Client.AddProductImageAsync(StoreId, ProductId, bytes, name, ct))));
    }
}
