using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorProductGroup: a store's product groups (every store's without -StoreId), or groups by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProductGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(ProductGroup))]
public sealed class GetEvotorProductGroupCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>Stores to list; binds from a Store, Product or group on the pipeline. None: every store.</summary>
    // In every set and never mandatory: PowerShell prefers a set whose mandatory parameter the pipeline
    // fills, so a mandatory -StoreId in ById would turn `Get-EvotorStore | Get-X` into a prompt for -Id.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[]? StoreId { get; set; }

    /// <summary>Group ids. A product's group is its ParentId.</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteForStores(StoreId, (store, cap, ct) => Client.GetProductGroupsAsync(store, cap, ct));
            return;
        }
        foreach (var store in StoreIdsForById())
            foreach (var id in Id)
                ForItem(id, () => WriteObject(Await(ct => Client.GetProductGroupAsync(store, id, ct))));
    }
}
