using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>New-PlanFixTask: adds tasks (task.add, not repeated once PlanFix may have acted) from parameters or piped rows,
/// each checked before it is sent (an invalid row is one PlanFix.ValidationFailed error; the rest still go), and writes
/// each as read back.</summary>
[Cmdlet(VerbsCommon.New, "PlanFixTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(PlanFixTask))]
public sealed class NewPlanFixTaskCommand : PlanFixNewCmdlet<PlanFixTaskDraft>
{
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "";

    /// <summary>HTML is allowed.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(PlanFixWordCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Importance { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(TaskStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? ProjectId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ClientId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ParentId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long[]? WorkerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerGroupId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? StartTime { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndTime { get; set; }

    /// <summary>Custom field values by field name or id: @{ 'Сумма сделки' = 1500; 'Источник' = 'Сайт' }.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override PlanFixItemInput<PlanFixTaskDraft> Input => PlanFixInput.Tasks;

    private protected override string Describe(PlanFixTaskDraft draft) => $"PlanFix task '{draft.Title}'";

    private protected override object ErrorTarget(PlanFixTaskDraft draft, string label) => InputObject ?? (object)draft.Title!;

    private protected override Task<object?> SendAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddTaskAsync(draft, cancellationToken));
}
