using System.Linq;
using System.Management.Automation;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.PowerShell.Errors;
using ApiTools.Errors;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Update-EvotorProduct: changes price, quantity or cost price (PATCH) of products piped in or named by id.</summary>
[Cmdlet(VerbsData.Update, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Product))]
public sealed class UpdateEvotorProductCommand : EvotorCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string StoreId { get; set; } = "";

    /// <summary>Product ids; bind from products piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    [Parameter] public decimal? Price { get; set; }
    [Parameter] public decimal? Quantity { get; set; }
    [Parameter] public decimal? CostPrice { get; set; }

    /// <summary>Write each updated product.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private ProductPatch _patch = null!;

    protected override void BeginProcessing()
    {
        _patch = new ProductPatch { Price = Price, Quantity = Quantity, CostPrice = CostPrice };
        if (_patch.IsEmpty)
            ThrowTerminatingError(CmdletError.EmptyPatch,
                new PSArgumentException("Nothing to change: give -Price, -Quantity or -CostPrice (Evotor's PATCH changes only these)."), null);
        // The same limits as a whole product's, checked before anything is sent.
        try
        {
            ProductInput.CheckPatch(_patch);
        }
        catch (ApiValidationException invalid)
        {
            ThrowTerminatingError(ApiErrorRecords.From(invalid, null));
        }
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        var change = string.Join(", ", new[] { Price is null ? null : $"price {Price}", Quantity is null ? null : $"quantity {Quantity}", CostPrice is null ? null : $"cost price {CostPrice}" }
            .Where(s => s is not null));
        foreach (var id in Id)
            Send($"product {id} in store {StoreId}", $"Set {change}", id, ct => Client.PatchProductAsync(StoreId, id, _patch, ct), output: PassThru);
    }
}
