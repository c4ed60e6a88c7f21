using System.Management.Automation;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Set-EvotorProductGroup: creates or replaces product groups by id (PUT).</summary>
[Cmdlet(VerbsCommon.Set, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(ProductGroup))]
public sealed class SetEvotorProductGroupCommand : ProductGroupWriteCommandBase
{
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string Id { get; set; } = "";

    /// <summary>Write each stored group.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var fields = NextItem(InputObject, ParameterFields, out var label);
        if (!TryRead(() => ProductGroupInput.Read(fields, label, requireId: true), InputObject ?? (object)label, out var draft)) return;
        Send($"product group '{draft.Name}' ({draft.Id}) in store {StoreId}", "Create or replace", draft.Id,
            ct => Client.PutProductGroupAsync(StoreId, draft, ct), output: PassThru);
    }
}
