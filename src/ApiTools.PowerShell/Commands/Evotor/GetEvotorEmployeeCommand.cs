using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ApiTools.Evotor.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Get-EvotorEmployee: the account's employees, or those working in the given stores, or employees by id.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorEmployee", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(Employee))]
public sealed class GetEvotorEmployeeCommand : EvotorCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private readonly HashSet<string> _stores = new();

    /// <summary>Only employees working in these stores; binds from a Store on the pipeline.</summary>
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
            foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetEmployeeAsync(id, ct))));
            return;
        }
        // Evotor lists employees account-wide: gather the stores piped in, then list once and filter.
        if (StoreId is not null) _stores.UnionWith(StoreId);
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == ListSet)
        {
            if (_stores.Count == 0) WriteStream(Client.GetEmployeesAsync(PagerCap, StopToken));
            else WriteStream(Client.GetEmployeesAsync(default, StopToken), keep: e => e.Stores?.Any(_stores.Contains) == true);
        }
        base.EndProcessing();
    }
}
