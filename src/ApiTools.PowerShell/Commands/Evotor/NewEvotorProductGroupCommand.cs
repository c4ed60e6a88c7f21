using System.Management.Automation;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>New-EvotorProductGroup: creates product groups; Evotor makes their ids. Writes each created group.</summary>
[Cmdlet(VerbsCommon.New, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(ProductGroup))]
public sealed class NewEvotorProductGroupCommand : ProductGroupWriteCommandBase
{
    protected override void ProcessRecord()
    {
        var fields = NextItem(InputObject, ParameterFields, out var label);
        if (!TryRead(() => ProductGroupInput.Read(fields, label, requireId: false, idIgnored: true), InputObject ?? (object)label, out var draft)) return;
        Send($"product group '{draft.Name}' in store {StoreId}", "Create", label, ct => Client.CreateProductGroupAsync(StoreId, draft, ct), output: true);
    }
}
