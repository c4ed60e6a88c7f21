using System.IO;
using ApiTools.Common;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Save-EvotorProductImage: downloads images into a folder as <c>&lt;product id&gt;.png</c> (Evotor keeps one
/// image per product, so names never collide), sanitised so nothing lands outside the folder; an existing file is kept
/// unless -Force. Writes a FileInfo per file.</summary>
[Cmdlet(VerbsData.Save, "EvotorProductImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveEvotorProductImageCommand : EvotorStoreItemCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string ProductId { get; set; } = "";

    /// <summary>The image; alias Id so an image from Get-EvotorProductImage binds.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string ImageId { get; set; } = "";

    /// <summary>The folder to save into (created if missing).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Overwrite files that exist.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How long the image may take to arrive once the answer began (default 30 minutes); the first byte, and
    /// each silence within the body, still have the attempt timeout.</summary>
    [Parameter]
    [ValidateRange("00:00:01", "7.00:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = RetryOptions.Default.DownloadTimeout;

    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess($"image {ImageId} of product {ProductId}", $"Save to '{folder}'")) return;
        Directory.CreateDirectory(folder);
        // Ids come from the server too: the name is sanitised, and the download goes to a bare temporary name first (IncomingFile).
        string target;
        try
        {
            target = SafeFileName.Inside(folder, SafeFileName.From(ProductId, "image") + ".png");
        }
        catch (System.InvalidOperationException escape)
        {
            WriteError(CmdletError.UnsafeFileName, escape, ProductId);
            return;
        }
        ForItem(ImageId, () =>
        {
            using var file = new IncomingFile(folder);
            Await(ct => Client.DownloadProductImageAsync(StoreId, ProductId, ImageId, file.Stream, DownloadTimeout, ct));
            WriteSaved(target, skipped: !file.Place(target, Force));
        });
    }
}
