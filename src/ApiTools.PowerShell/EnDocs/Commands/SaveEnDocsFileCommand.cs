using System.IO;
using ApiTools.EnDocs;
using ApiTools.Http;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Save-EnDocsFile: downloads each document's files into a folder, decoding base64 as it streams in,
/// under sanitised names that cannot leave the folder; an existing file is kept unless -Force. Writes a FileInfo per file.</summary>
[Cmdlet(VerbsData.Save, "EnDocsFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByTypeSet)]
[OutputType(typeof(FileInfo))]
public sealed class SaveEnDocsFileCommand : EnDocsCmdlet
{
    private const string ByTypeSet = "ByType";
    private const string ByKindSet = "ByKind";

    /// <summary>The folder to save into (created if missing); a literal path.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Document ids; bind from documents piped in.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    /// <summary>The list a piped document came from: NonForm → NonFormID, Contract → ContractID, others → MetaID.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTypeSet)]
    public EnDocsDocumentType Type { get; set; }

    /// <summary>The kind of id given with -Id.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByKindSet)]
    public EnDocsFileKind Kind { get; set; }

    /// <summary>Overwrite files that exist.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>How long one document's files may take to arrive once the answer began (default 30 minutes); the first
    /// byte, and each silence within the body, still have the attempt timeout.</summary>
    [Parameter]
    [ValidateRange("00:00:01", "7.00:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = RetryOptions.Default.DownloadTimeout;

    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var kind = ParameterSetName == ByKindSet ? Kind : Type switch
        {
            EnDocsDocumentType.NonForm => EnDocsFileKind.NonFormID,
            EnDocsDocumentType.Contract => EnDocsFileKind.ContractID,
            _ => EnDocsFileKind.MetaID,
        };
        foreach (var id in Id)
        {
            if (!ShouldProcess($"files of document {id} ({kind})", $"Save to '{folder}'")) continue;
            ForItem(id, () =>
            {
                foreach (var file in Await(ct => Client.SaveFilesAsync(id, kind, folder, Force, DownloadTimeout, ct)))
                {
                    if (file.Failure is { } failure) WriteError(ApiErrorRecords.For(failure), failure, file.Path);
                    else if (file.Skipped)
                        WriteError(CmdletError.FileExists, new IOException($"'{file.Path}' exists; use -Force to overwrite it (document {id})."), file.Path);
                    else WriteObject(new FileInfo(file.Path));
                }
            });
        }
    }
}
