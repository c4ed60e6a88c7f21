namespace ApiTools.PowerShell.Evotor;

/// <summary>Base of the cmdlets that act on items of one store (products, groups, images): -StoreId, bound from a piped
/// item's own StoreId unless given.</summary>
public abstract class EvotorStoreItemCmdlet : EvotorCmdlet
{
    /// <summary>The store the items are in; binds from a piped object's StoreId unless given.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string StoreId { get; set; } = "";
}
