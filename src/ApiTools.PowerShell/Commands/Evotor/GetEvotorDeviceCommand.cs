using System.Collections.Generic;
using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Get-EvotorDevice: the account's smart terminals, or those of the given stores, or terminals by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorDevice", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Device))]
public sealed class GetEvotorDeviceCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private readonly HashSet<string> _stores = new();

    /// <summary>Only the terminals of these stores; binds from a Store on the pipeline.</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[]? StoreId { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ByIdSet)
        {
            foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetDeviceAsync(id, ct))));
            return;
        }
        // Evotor lists terminals account-wide: gather the stores piped in, then list once and filter.
        if (StoreId is not null) _stores.UnionWith(StoreId);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet)
        {
            if (_stores.Count == 0) WriteStream(Client.GetDevicesAsync(PagerCap, StopToken));
            else WriteStream(Client.GetDevicesAsync(default, StopToken), keep: d => d.StoreId is not null && _stores.Contains(d.StoreId));
        }
        base.EndProcessing();
    }
}
