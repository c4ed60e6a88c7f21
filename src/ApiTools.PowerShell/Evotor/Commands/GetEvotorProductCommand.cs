namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorProduct: a store's products streamed page by page (every store's without -StoreId), or products by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProduct", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Product))]
public sealed class GetEvotorProductCommand : EvotorStoreListCmdlet<Product>
{
    /// <summary>Only products updated at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    private protected override IAsyncEnumerable<Product> List(string storeId, PageRange cap, CancellationToken cancellationToken) =>
        Client.GetProductsAsync(storeId, Since is DateTime s ? new DateTimeOffset(s) : null, cap, cancellationToken);

    private protected override Task<Product> Get(string storeId, string id, CancellationToken cancellationToken) =>
        Client.GetProductAsync(storeId, id, cancellationToken);
}
