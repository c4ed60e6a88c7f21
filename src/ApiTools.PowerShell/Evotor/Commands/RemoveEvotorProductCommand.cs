namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Remove-EvotorProduct: deletes products piped in or named by id, 100 ids a request.</summary>
[Cmdlet(VerbsCommon.Remove, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveEvotorProductCommand : EvotorRemoveCmdlet
{
    protected override string What => "product";

    protected override Task DeleteOneAsync(string storeId, string id, CancellationToken ct) => Client.DeleteProductAsync(storeId, id, ct);

    protected override Task DeleteManyAsync(string storeId, IReadOnlyList<string> ids, CancellationToken ct) => Client.DeleteProductsAsync(storeId, ids, ct);
}
