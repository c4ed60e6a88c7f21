using System.IO;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Save-PlanFixFile: downloads files (file.download: the file's bytes, or a redirect followed once, credentials
/// kept to PlanFix's own host) into a folder under their names made safe as Save-EnDocsFile makes them; an existing file
/// is kept unless -Force. Writes a FileInfo per file saved.</summary>
[Cmdlet(VerbsData.Save, "PlanFixFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SavePlanFixFileCommand : PlanFixCmdlet
{
    /// <summary>The folder to save into (created if missing); a literal path.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>The file's id (its newest version); binds from a piped file's FileId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("FileId")]
    [ValidateRange(0L, long.MaxValue)]
    public long Id { get; set; }

    /// <summary>One version of a file, by its uniqueId; binds from a piped file (Add-PlanFixFile writes it) and wins over -Id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0L, long.MaxValue)]
    public long UniqueId { get; set; }

    /// <summary>The name to save under (binds from a piped file's Name); without it, the name the download gives.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    /// <summary>Overwrite files that exist.</summary>
    [Parameter] public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        // A file as listed has both; one just uploaded has only its uniqueId. The version named wins.
        long? uniqueId = UniqueId > 0 ? UniqueId : null;
        long? id = uniqueId is null && Id > 0 ? Id : null;
        if (id is null && uniqueId is null)
        {
            WriteError(CmdletError.InvalidArgument, new ArgumentException("Give -Id (a file) or -UniqueId (one version of it), or pipe files from Get-PlanFixFile or Add-PlanFixFile."), null);
            return;
        }
        var what = id is long i ? $"PlanFix file {i}" : $"PlanFix file version {uniqueId}";
        if (!ShouldProcess(Name is null ? what : $"{what} ('{Name}')", $"Save to '{folder}'")) return;
        ForItem(id ?? uniqueId, () =>
        {
            var saved = Await(ct => Client.DownloadFileAsync(id, uniqueId, folder, string.IsNullOrWhiteSpace(Name) ? null : Name, Force, ct));
            WriteSaved(saved.Path, saved.Skipped, what);
        });
    }
}
