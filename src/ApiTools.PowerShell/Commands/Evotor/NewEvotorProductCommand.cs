using System.Management.Automation;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>New-EvotorProduct: creates products; Evotor makes their ids. Writes each created product.</summary>
[Cmdlet(VerbsCommon.New, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(Product))]
public sealed class NewEvotorProductCommand : ProductWriteCommandBase
{
    protected override void ProcessRecord()
    {
        var fields = NextItem(InputObject, ParameterFields, out var label);
        if (!TryRead(() => ProductInput.Read(fields, label, requireId: false, idIgnored: true), InputObject ?? (object)label, out var draft)) return;
        Send($"product '{draft.Name}' in store {StoreId}", "Create", label, ct => Client.CreateProductAsync(StoreId, draft, ct), output: true);
    }
}
