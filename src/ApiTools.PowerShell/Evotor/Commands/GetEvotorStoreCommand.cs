namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorStore: every store (streamed page by page), or the stores with the given ids.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorStore", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Store))]
public sealed class GetEvotorStoreCommand : EvotorCmdlet
{

    /// <summary>Store ids. Named StoreId (alias Id) so a product or document piped in binds its store,
    /// not its own id.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[] StoreId { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteStream(Client.GetStoresAsync(PagerCap, StopToken));
            return;
        }
        WriteEach(StoreId, Client.GetStoreAsync);
    }
}
