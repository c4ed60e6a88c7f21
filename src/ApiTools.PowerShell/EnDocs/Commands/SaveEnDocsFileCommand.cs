using System.IO;
using ApiTools.EnDocs;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Save-EnDocsFile: downloads each document's files into a folder, decoding base64 as it streams in, under
/// sanitised names that cannot leave the folder; an existing file is kept unless -Force. Reaches every file endpoint: a
/// document piped in by its kind, -Id with -Kind (numbers, or text ext ids), piped write results by their ExtId.
/// "No such document" and "no file" are one answer at EnDocs (400, #err-70): a per-item EnDocs.NotFound.</summary>
[Cmdlet(VerbsData.Save, "EnDocsFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByTypeSet)]
[OutputType(typeof(FileInfo))]
public sealed class SaveEnDocsFileCommand : EnDocsCmdlet
{
    private const string ByTypeSet = "ByType";
    private const string ByKindSet = "ByKind";
    private const string ByExtIdSet = "ByExtId";

    /// <summary>The folder to save into (created if missing); a literal path.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Document ids: numbers, or text for -Kind ExtID and Any; bind from documents piped in.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTypeSet)]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByKindSet)]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    /// <summary>The list a piped document came from: NonForm → NonFormID, Contract → ContractID, others → MetaID.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTypeSet)]
    public EnDocsDocumentType Type { get; set; }

    /// <summary>The kind of id given with -Id, and so the endpoint asked.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByKindSet)]
    public EnDocsFileKind Kind { get; set; }

    /// <summary>Ext ids of documents or contracts (what Set-EnDocsDocument -PassThru writes binds here).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByExtIdSet)]
    [ValidateNotNullOrEmpty]
    public string[] ExtId { get; set; } = null!;

    /// <summary>Overwrite files that exist.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var kind = ParameterSetName switch
        {
            ByKindSet => Kind,
            ByExtIdSet => EnDocsFileKind.ExtID,
            _ => Type switch
            {
                EnDocsDocumentType.NonForm => EnDocsFileKind.NonFormID,
                EnDocsDocumentType.Contract => EnDocsFileKind.ContractID,
                _ => EnDocsFileKind.MetaID,
            },
        };
        foreach (var id in ParameterSetName == ByExtIdSet ? ExtId : Id)
        {
            if (!ShouldProcess($"files of document {id} ({kind})", $"Save to '{folder}'")) continue;
            ForItem(id, () =>
            {
                foreach (var file in Await(ct => Client.SaveFilesAsync(id, kind, folder, Force, ct)))
                {
                    if (file.Skipped)
                        WriteError(CmdletError.FileExists, new IOException($"'{file.Path}' exists; use -Force to overwrite it (document {id})."), file.Path);
                    else WriteObject(new FileInfo(file.Path));
                }
            });
        }
    }
}
