using System.Management.Automation;
using ApiTools.PlanFix.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>Get-PlanFixUser: every user of the account streamed page by page, or users by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixUser))]
public sealed class GetPlanFixUserCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    public long[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteStream(Client.GetUsersAsync(PagerCap, StopToken));
            return;
        }
        foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetUserAsync(id, ct))));
    }
}
