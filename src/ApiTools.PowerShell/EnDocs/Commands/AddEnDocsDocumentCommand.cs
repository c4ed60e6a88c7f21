using System.IO;
using ApiTools.EnDocs.Models;
using ApiTools.EnDocs.Requests;

namespace ApiTools.PowerShell.EnDocs.Commands;

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
                    else Refuse(new FileNotFoundException($"'{resolved}' is not a file."), resolved);
                }
            }
            catch (ItemNotFoundException missing)
            {
                Refuse(missing, path);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (!_refused && _files.Count == 0) Refuse(new PSArgumentException("No file was given."), null);
        if (!_refused)
        {
            var draft = new EnDocsNonFormDraft { Name = Name, ExtId = ExtId, DocDate = Date, Comment = Comment };
            ForItem(_files.ToArray(), () =>
            {
                // Sizes first: -WhatIf reports a document EnDocs would refuse, and nothing is read for it.
                var bytes = draft.CheckSize(_files);
                if (!ShouldProcess($"non-form document '{Name}' ({_files.Count} file(s), {bytes:N0} bytes)", "Add")) return;
                draft.AddFiles(_files);
                WriteObject(Await(ct => Client.AddNonFormDocumentAsync(draft, ct)));
            });
        }
        base.EndProcessing();
    }

    private void Refuse(Exception error, object? target)
    {
        _refused = true;
        WriteError(CmdletError.FileNotFound, error, target);
    }
}
