using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixAnalitic: the account's analitics (analitic.getList), or analitics by id or name with their fields
/// (analitic.getOptions): the names and types Add-PlanFixComment -AnaliticData takes.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixAnalitic", DefaultParameterSetName = ListSet)]
[OutputType(typeof(PlanFixAnalitic))]
public sealed class GetPlanFixAnaliticCommand : PlanFixCmdlet
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
                foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetAnaliticAsync(id, ct))));
                break;
            case ByNameSet:
                foreach (var name in Name) ForItem(name, () => WriteObject(Await(ct => Client.ResolveAnaliticAsync(name, ct))));
                break;
            default:
                ForItem(null, () => WriteObject(Await(ct => Client.GetAnaliticsAsync(ct)), enumerateCollection: true));
                break;
        }
    }
}
