namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorProductGroup: a store's product groups (every store's without -StoreId), or groups by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProductGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(ProductGroup))]
public sealed class GetEvotorProductGroupCommand : EvotorStoreListCmdlet<ProductGroup>
{
    private protected override IAsyncEnumerable<ProductGroup> List(string storeId, PageRange cap, CancellationToken cancellationToken) =>
        Client.GetProductGroupsAsync(storeId, cap, cancellationToken);

    private protected override Task<ProductGroup> Get(string storeId, string id, CancellationToken cancellationToken) =>
        Client.GetProductGroupAsync(storeId, id, cancellationToken);
}
