using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixHandbook: the account's handbooks (handbook.getList), or handbooks by id or name with their fields
/// (handbook.getStructure).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixHandbook", DefaultParameterSetName = ListSet)]
[OutputType(typeof(PlanFixHandbook))]
public sealed class GetPlanFixHandbookCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByNameSet = "ByName";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = ByNameSet)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = null!;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetHandbookAsync(id, ct))));
                break;
            case ByNameSet:
                foreach (var name in Name) ForItem(name, () => WriteObject(Await(ct => Client.ResolveHandbookAsync(name, ct))));
                break;
            default:
                ForItem(null, () => WriteObject(Await(ct => Client.GetHandbooksAsync(ct)), enumerateCollection: true));
                break;
        }
    }
}
