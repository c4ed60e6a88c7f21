namespace ApiTools.PowerShell.EnDocs.Commands;

/// <summary>Deny-EnDocsDocument: declines non-form documents (DocApproval, Approved false) with a reason: EnDocs deletes
/// them and tells their sender why. (A non-form document is approved by making a document or contract of it:
/// Set-EnDocsDocument or Set-EnDocsContract -NonFormId.)</summary>
[Cmdlet(VerbsLifecycle.Deny, "EnDocsDocument", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class DenyEnDocsDocumentCommand : EnDocsCmdlet
{
    /// <summary>Non-form document ids; bind from documents piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    /// <summary>Who declines it, as the sender will be told.</summary>
    [Parameter] public string? Approver { get; set; }

    /// <summary>Why it is declined (required).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Comment { get; set; } = "";

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
        {
            if (!ShouldProcess($"EnDocs non-form document {id}", "Decline (EnDocs deletes it)")) continue;
            ForItem(id, () =>
            {
                Await(async ct => { await Client.DeclineDocumentAsync(id, Approver, Comment, ct).ConfigureAwait(false); return true; });
                WriteVerbose($"Declined document {id}.");
            });
        }
    }
}
