namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Remove-EvotorProductGroup: deletes product groups piped in or named by id, 100 ids a request.</summary>
[Cmdlet(VerbsCommon.Remove, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveEvotorProductGroupCommand : EvotorRemoveCmdlet
{
    protected override string What => "product group";

    protected override Task DeleteOneAsync(string storeId, string id, CancellationToken ct) => Client.DeleteProductGroupAsync(storeId, id, ct);

    protected override Task DeleteManyAsync(string storeId, IReadOnlyList<string> ids, CancellationToken ct) => Client.DeleteProductGroupsAsync(storeId, ids, ct);
}
