using System.Management.Automation;
using ApiTools.PlanFix.Models;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>Get-PlanFixProject: every project of the account streamed page by page, or projects by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixProject))]
public sealed class GetPlanFixProjectCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    public long[] Id { get; set; } = null!;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ListSet)
        {
            WriteStream(Client.GetProjectsAsync(PagerCap, StopToken));
            return;
        }
        foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetProjectAsync(id, ct))));
    }
}
