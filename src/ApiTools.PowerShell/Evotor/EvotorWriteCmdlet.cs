namespace ApiTools.PowerShell.Evotor;

/// <summary>The write pipeline (<see cref="WriteCmdlet{TConnection,TClient,TDraft}"/>) for Evotor items, each written to one
/// store: -StoreId, and -InputObject for a piped item.</summary>
public abstract class EvotorWriteCmdlet<TDraft> : WriteCmdlet<EvotorConnection, EvotorClient, TDraft>
{
    /// <summary>The store to write to; binds from a piped object's StoreId unless given.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string StoreId { get; set; } = "";

    /// <summary>An item, an Import-Csv row or a hashtable; values as text are parsed (decimals with '.' or ',', lists as
    /// a;b;c, a group's attributes as Name(a|b);Name2(c)).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    private protected override PSObject? PipedItem => InputObject;

    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;
}
