using System;
using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorProduct: a store's products streamed page by page (every store's without -StoreId), or products by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorProduct", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Product))]
public sealed class GetEvotorProductCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    /// <summary>Stores to list; binds from a Store, Product or Document on the pipeline. None: every store.</summary>
    // In every set and never mandatory: PowerShell prefers a set whose mandatory parameter the pipeline
    // fills, so a mandatory -StoreId in ById would turn `Get-EvotorStore | Get-X` into a prompt for -Id.
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[]? StoreId { get; set; }

    /// <summary>Product ids (not bound from the pipeline: a piped store's Id is not a product's).</summary>
    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    public string[] Id { get; set; } = null!;

    /// <summary>Only products updated at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? Since { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            DateTimeOffset? since = Since is DateTime s ? new DateTimeOffset(s) : null;
            WriteForStores(StoreId, (store, cap, ct) => Client.GetProductsAsync(store, since, cap, ct));
            return;
        }
        foreach (var store in StoreIdsForById())
            foreach (var id in Id)
                ForItem(id, () => WriteObject(Await(ct => Client.GetProductAsync(store, id, ct))));
    }
}
