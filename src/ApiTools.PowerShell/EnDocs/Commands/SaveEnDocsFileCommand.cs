using System.IO;

namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Save-EnDocsFile: downloads each document's files into a folder, decoding base64 as it streams in, under
/// sanitised names that cannot leave the folder; an existing file is kept unless -Force. Reaches every file endpoint:
/// -Id with -Kind (numbers, or text ext ids), a document piped in by its list, a write result piped in by its ExtId.
/// "No such document" and "no file" are one answer at EnDocs (400, #err-70): a per-item EnDocs.NotFound.</summary>
/// <remarks>One parameter set: what a piped object carries decides (-Kind, else its Type, else its ExtId), so a document,
/// a write result with or without an Id, and an Import-Csv row all bind.</remarks>
[Cmdlet(VerbsData.Save, "EnDocsFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveEnDocsFileCommand : EnDocsCmdlet
{
    /// <summary>The folder to save into (created if missing); a literal path.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Document ids: numbers, or text for -Kind ExtID and Any; bind from documents piped in.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public string[]? Id { get; set; }

    /// <summary>The list a piped document came from: NonForm → NonFormID, Contract → ContractID, others → MetaID.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public EnDocsDocumentType? Type { get; set; }

    /// <summary>The kind of id -Id holds, and so the endpoint asked; it wins over a piped Type.</summary>
    [Parameter]
    public EnDocsFileKind? Kind { get; set; }

    /// <summary>Ext ids of documents or contracts (what Set-EnDocsDocument -PassThru writes binds here); used without -Id.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public string[]? ExtId { get; set; }

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
        var ids = Present(Id);
        var extIds = Present(ExtId);
        EnDocsFileKind kind;
        if (Kind is { } given) kind = given;
        else if (ids.Count > 0 && Type is { } type) kind = type switch
        {
            EnDocsDocumentType.NonForm => EnDocsFileKind.NonFormID,
            EnDocsDocumentType.Contract => EnDocsFileKind.ContractID,
            _ => EnDocsFileKind.MetaID,
        };
        else if (extIds.Count > 0) kind = EnDocsFileKind.ExtID;
        else
        {
            WriteError(CmdletError.InvalidArgument, new PSArgumentException(
                "Nothing says which files: give -Id with -Kind (an -Id alone could be any of EnDocs' ids), -ExtId, or pipe documents (Get-EnDocsDocument) or write results (-PassThru)."), null);
            return;
        }
        // -Id counts when something says what it is (-Kind, a piped Type); else the ext ids do.
        if (ids.Count == 0 || (Kind is null && Type is null)) ids = extIds;
        foreach (var id in ids)
        {
            if (!ShouldProcess($"files of document {id} ({kind})", $"Save to '{folder}'")) continue;
            ForItem(id, () =>
            {
                foreach (var file in Await(ct => Client.SaveFilesAsync(id, kind, folder, Force, DownloadTimeout, ct)))
                {
                    if (file.Failure is { } failure) WriteError(ApiErrorRecords.For(failure), failure, file.Path);
                    else WriteSaved(file.Path, file.Skipped, $"document {id}");
                }
            });
        }
    }

    private static List<string> Present(string[]? values) => values?.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() ?? new List<string>();
}
