using System.Management.Automation;
using ApiTools.PlanFix.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>Get-PlanFixContact: every contact of the account streamed page by page, or contacts by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixContact))]
public sealed class GetPlanFixContactCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    public long[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteStream(Client.GetContactsAsync(PagerCap, StopToken));
            return;
        }
        foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetContactAsync(id, ct))));
    }
}
