using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.PowerShell.Errors;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Update-EvotorProductGroup: renames or moves product groups (PATCH; what Evotor accepts here is inferred).</summary>
[Cmdlet(VerbsData.Update, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProductGroup))]
public sealed class UpdateEvotorProductGroupCommand : EvotorCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string StoreId { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    [Parameter] [ValidateNotNullOrEmpty] public string? Name { get; set; }

    /// <summary>The group to move it under.</summary>
    [Parameter] [ValidateNotNullOrEmpty] [ValidateEvotorId] public string? ParentId { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    private ProductGroupPatch _patch = null!;

    protected override void BeginProcessing()
    {
        _patch = new ProductGroupPatch { Name = Name, ParentId = ParentId };
        if (_patch.IsEmpty)
            ThrowTerminatingError(CmdletError.EmptyPatch, new PSArgumentException("Nothing to change: give -Name or -ParentId."), null);
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
            Send($"product group {id} in store {StoreId}", "Update", id, ct => Client.PatchProductGroupAsync(StoreId, id, _patch, ct), output: PassThru);
    }
}
