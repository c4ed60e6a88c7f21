using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixTask: tasks streamed page by page (filtered, or a piped project's), or tasks by id or by number.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixTask))]
public sealed class GetPlanFixTaskCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByGeneralSet = "ByGeneral";

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Active", "Overdue", "My", IgnoreCase = true)]
    public string? Filter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("All", "In", "Out", IgnoreCase = true)]
    public string? Target { get; set; }

    /// <summary>Binds from a piped project's ProjectId (or an Import-Csv row's).</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long? ProjectId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public int? Status { get; set; }

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long[] Id { get; set; } = null!;

    /// <summary>Task numbers as users see them (#1234).</summary>
    [Parameter(ParameterSetName = ByGeneralSet, Mandatory = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] General { get; set; } = null!;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetTaskAsync(id, ct))));
                break;
            case ByGeneralSet:
                foreach (var general in General) ForItem(general, () => WriteObject(Await(ct => Client.GetTaskByGeneralAsync(general, ct))));
                break;
            default:
                var query = new PlanFixTaskQuery { Filter = Filter, Target = Target, ProjectId = ProjectId, Status = Status };
                WriteStream(Client.GetTasksAsync(query, PagerCap, StopToken), target: ProjectId, scope: ProjectId is long p ? $"project {p}" : null);
                break;
        }
    }
}
