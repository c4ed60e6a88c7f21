using System.Management.Automation;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Set-EvotorProduct: creates or replaces products by id (PUT), from objects, Import-Csv rows or parameters.</summary>
[Cmdlet(VerbsCommon.Set, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(Product))]
public sealed class SetEvotorProductCommand : ProductWriteCommandBase
{
    /// <summary>The id to store the product under (piped objects carry their own).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string Id { get; set; } = "";

    /// <summary>Write each stored product.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var fields = NextItem(InputObject, ParameterFields, out var label);
        if (!TryRead(() => ProductInput.Read(fields, label, requireId: true), InputObject ?? (object)label, out var draft)) return;
        Send($"product '{draft.Name}' ({draft.Id}) in store {StoreId}", "Create or replace", draft.Id,
            ct => Client.PutProductAsync(StoreId, draft, ct), output: PassThru);
    }
}
