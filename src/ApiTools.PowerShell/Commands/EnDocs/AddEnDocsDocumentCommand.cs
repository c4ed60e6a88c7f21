using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ApiTools.EnDocs;
using ApiTools.EnDocs.Models;
using ApiTools.PowerShell.Base;
using ApiTools.Errors;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Add-EnDocsDocument: one non-form document made of every file given or piped in (at most 20 MB in
/// all, checked from the file sizes before anything is read or sent).</summary>
[Cmdlet(VerbsCommon.Add, "EnDocsDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EnDocsWriteResult))]
public sealed class AddEnDocsDocumentCommand : EnDocsCmdlet
{
    private readonly List<string> _files = new();
    private bool _refused;

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The files; wildcards are expanded. Binds from Get-ChildItem (FullName).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    [Parameter] public string? ExtId { get; set; }
    [Parameter] public DateTime? Date { get; set; }
    [Parameter] public string? Comment { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            try
            {
                foreach (var resolved in SessionState.Path.GetResolvedProviderPathFromPSPath(path, out _))
                {
                    if (File.Exists(resolved)) _files.Add(resolved);
                    else Refuse(new FileNotFoundException($"'{resolved}' is not a file."), "EnDocs.FileNotFound", ErrorCategory.ObjectNotFound, resolved);
                }
            }
            catch (ItemNotFoundException missing)
            {
                Refuse(missing, "EnDocs.FileNotFound", ErrorCategory.ObjectNotFound, path);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_refused || _files.Count == 0)
        {
            if (!_refused) Refuse(new PSArgumentException("No file was given."), "EnDocs.FileNotFound", ErrorCategory.ObjectNotFound, null);
            base.EndProcessing();
            return;
        }
        var total = _files.Sum(f => new FileInfo(f).Length);
        if (total > EnDocsClient.MaxNonFormBytes)
            Refuse(new ApiException(EnDocsClient.ServiceName, ApiErrorKind.PayloadTooLarge,
                $"The files of '{Name}' are {total:N0} bytes in all; EnDocs takes at most {EnDocsClient.MaxNonFormBytes:N0} (20 MB). Nothing was sent."),
                "EnDocs.PayloadTooLarge", ErrorCategory.LimitsExceeded, _files.ToArray());
        else if (ShouldProcess($"non-form document '{Name}' ({_files.Count} file(s), {total:N0} bytes)", "Add"))
        {
            var draft = new EnDocsNonFormDraft { Name = Name, ExtId = ExtId, DocDate = Date, Comment = Comment };
            draft.Files.AddRange(_files.Select(f => new EnDocsFileContent(System.IO.Path.GetFileName(f), File.ReadAllBytes(f))));
            ForItem(Name, () => WriteObject(Await(ct => Client.AddNonFormDocumentAsync(draft, ct))));
        }
        base.EndProcessing();
    }

    private void Refuse(Exception error, string id, ErrorCategory category, object? target)
    {
        _refused = true;
        WriteError(new ErrorRecord(error, id, category, target));
    }
}
