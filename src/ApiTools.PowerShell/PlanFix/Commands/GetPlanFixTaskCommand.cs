using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixTask: tasks streamed page by page (task.getList with its filters and sort, or a piped project's),
/// or tasks by id or by number; each with its status's name.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixTask", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixTask))]
public sealed class GetPlanFixTaskCommand : PlanFixNumberedCmdlet<PlanFixTask>
{
    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Active", "Overdue", "My", IgnoreCase = true)]
    public string[]? Filter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("All", "In", "Out", "Template", "Periodic", IgnoreCase = true)]
    public string? Target { get; set; }

    /// <summary>Binds from a piped project's ProjectId (or an Import-Csv row's).</summary>
    [Parameter(ParameterSetName = ListSet, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long? ProjectId { get; set; }

    [Parameter(ParameterSetName = ListSet)] public SwitchParameter WithSubprojects { get; set; }

    /// <summary>A status name of the account, a status id, or a system status.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ArgumentCompleter(typeof(TaskStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)] [ValidateRange(1L, long.MaxValue)] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ListSet)] [ValidateRange(1L, long.MaxValue)] public long? WorkerId { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? CreatedAfter { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? CreatedBefore { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? EndAfter { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? EndBefore { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? ChangedAfter { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? ChangedBefore { get; set; }

    /// <summary>Custom field values to match, by field name or id.</summary>
    [Parameter(ParameterSetName = ListSet)] public Hashtable? CustomField { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Number", "Importance", "Deadline", "Title", "Project", IgnoreCase = true)]
    public string? SortBy { get; set; }

    [Parameter(ParameterSetName = ListSet)] public SwitchParameter Descending { get; set; }

    protected override Task<PlanFixTask> GetById(long id, CancellationToken ct) => Client.GetTaskAsync(id, ct);

    protected override Task<PlanFixTask> GetByGeneral(long general, CancellationToken ct) => Client.GetTaskByGeneralAsync(general, ct);

    protected override void WriteList()
    {
        var query = new PlanFixTaskQuery
        {
            Filter = Filter is null ? null : string.Join(" ", Filter),
            Target = Target,
            ProjectId = ProjectId,
            WithSubprojects = WithSubprojects,
            Status = Status,
            OwnerId = OwnerId,
            WorkerId = WorkerId,
            CreatedAfter = PlanFixValues.Date(CreatedAfter),
            CreatedBefore = PlanFixValues.Date(CreatedBefore),
            EndAfter = PlanFixValues.Date(EndAfter),
            EndBefore = PlanFixValues.Date(EndBefore),
            ChangedAfter = PlanFixValues.Date(ChangedAfter),
            ChangedBefore = PlanFixValues.Date(ChangedBefore),
            CustomFields = PlanFixValues.Custom(CustomField),
            Sort = SortBy is null ? null : SortKey(SortBy) + (Descending ? "_DESC" : "_ASC"),
        };
        WriteStream(() => Client.GetTasksAsync(query, PagerCap, StopToken), target: ProjectId, scope: ProjectId is long p ? $"project {p}" : null);
    }

    private static string SortKey(string sortBy) => sortBy.ToUpperInvariant() switch
    {
        "TITLE" => "TASKTITLE",
        var other => other,
    };
}
