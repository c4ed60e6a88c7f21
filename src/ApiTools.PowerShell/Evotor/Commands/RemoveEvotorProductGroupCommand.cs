using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Remove-EvotorProductGroup: deletes product groups piped in or named by id, 100 ids a request.</summary>
[Cmdlet(VerbsCommon.Remove, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveEvotorProductGroupCommand : EvotorRemoveCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string StoreId { get; set; } = "";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    protected override string What => "product group";

    protected override void ProcessRecord() => Queue(StoreId, Id);

    protected override Task DeleteOneAsync(string storeId, string id, CancellationToken ct) => Client.DeleteProductGroupAsync(storeId, id, ct);

    protected override Task DeleteManyAsync(string storeId, IReadOnlyList<string> ids, CancellationToken ct) => Client.DeleteProductGroupsAsync(storeId, ids, ct);
}
