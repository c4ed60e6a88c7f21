namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Approve-EnDocsDocument: approves non-form documents (DocApproval, Approved true); their state becomes Согласовано.</summary>
[Cmdlet(VerbsLifecycle.Approve, "EnDocsDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class ApproveEnDocsDocumentCommand : EnDocsCmdlet
{
    /// <summary>Non-form document ids; bind from documents piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    [Parameter] public string? Approver { get; set; }
    [Parameter] public string? Comment { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            if (!ShouldProcess($"EnDocs document {id}", "Approve")) continue;
            ForItem(id, () =>
            {
                Await(async ct => { await Client.ApproveDocumentAsync(id, true, Approver, Comment, ct).ConfigureAwait(false); return true; });
                WriteVerbose($"Approved document {id}.");
            });
        }
    }
}
