using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>New-PlanFixProject: adds projects (project.add, not repeated once PlanFix may have acted) from parameters or
/// piped rows, custom fields included, and writes each as read back.</summary>
[Cmdlet(VerbsCommon.New, "PlanFixProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(PlanFixProject))]
public sealed class NewPlanFixProjectCommand : PlanFixNewCmdlet<PlanFixProjectDraft>
{
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet, Position = 0)] [ValidateNotNullOrEmpty] public string Title { get; set; } = "";
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ClientId { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(PlanFixWordCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public SwitchParameter Hidden { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? GroupId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ParentId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerId { get; set; }

    /// <summary>Custom field values by field name or id.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override PlanFixItemInput<PlanFixProjectDraft> Input => PlanFixProjectInput.Projects;

    private protected override string Describe(PlanFixProjectDraft draft) => $"PlanFix project '{draft.Title}'";

    private protected override Task<object?> SendAsync(PlanFixProjectDraft draft, CancellationToken cancellationToken) =>
        Boxed(Client.AddProjectAsync(draft, cancellationToken));
}
