using System.IO;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Add-EvotorProductImage: uploads a PNG (≤ 300×300, ≤ 5,242,800 bytes, checked first) as a product's image.</summary>
[Cmdlet(VerbsCommon.Add, "EvotorProductImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ProductImage))]
public sealed class AddEvotorProductImageCommand : EvotorStoreItemCmdlet
{
    /// <summary>The product; alias Id so a product piped in binds.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
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
            WriteError(CmdletError.FileNotFound, new FileNotFoundException($"No file at '{file}'.", file), Path);
            return;
        }
        // Checked before ShouldProcess, so -WhatIf reports a file Evotor would refuse; size first, before reading it whole.
        var length = new FileInfo(file).Length;
        var bytes = length > PngCheck.MaxBytes ? new byte[PngCheck.MaxBytes + 1] : File.ReadAllBytes(file);
        var name = System.IO.Path.GetFileName(file);
        var problem = length > PngCheck.MaxBytes ? $"is {length:N0} bytes; Evotor takes at most {PngCheck.MaxBytes:N0}" : PngCheck.Problem(bytes, out _, out _);
        if (problem is not null)
        {
            WriteApiError(new ApiValidationException(ApiTools.Evotor.EvotorClient.ServiceName, $"The image '{name}' {problem}; nothing was sent.",
                new[] { new ApiViolation("Path", problem) }), Path);
            return;
        }
        if (!ShouldProcess($"product {ProductId} in store {StoreId}", $"Upload image '{name}'")) return;
        ForItem(Path, () => WriteObject(Await(ct => Client.AddProductImageAsync(StoreId, ProductId, bytes, name, ct))));
    }
}
