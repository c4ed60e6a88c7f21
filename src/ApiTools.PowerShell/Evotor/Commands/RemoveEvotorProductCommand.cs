using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Remove-EvotorProduct: deletes products piped in or named by id, 100 ids a request.</summary>
[Cmdlet(VerbsCommon.Remove, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveEvotorProductCommand : EvotorRemoveCmdlet
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

    protected override string What => "product";

    protected override void ProcessRecord() => Queue(StoreId, Id);

    protected override Task DeleteOneAsync(string storeId, string id, CancellationToken ct) => Client.DeleteProductAsync(storeId, id, ct);

    protected override Task DeleteManyAsync(string storeId, IReadOnlyList<string> ids, CancellationToken ct) => Client.DeleteProductsAsync(storeId, ids, ct);
}
