using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Set-PlanFixProject: changes projects with one project.update each (it keeps what it is not sent): the fields
/// given as parameters (-Id binds from a piped project), or piped rows (a row with its Fingerprint sends only what was edited).</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(PlanFixProject))]
public sealed class SetPlanFixProjectCommand : PlanFixSetByIdCmdlet<PlanFixProjectDraft>
{
    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Title { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0L, long.MaxValue)] public long? ClientId { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(PlanFixWordCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] public bool? Hidden { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndDate { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? GroupId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0L, long.MaxValue)] public long? ParentId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerId { get; set; }

    /// <summary>Custom field values by field name or id.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override PlanFixItemInput<PlanFixProjectDraft> Input => PlanFixProjectInput.Projects;

    private protected override string[] PromptFields => new[] { "Title", "Description", "OwnerId", "ClientId", "Status", "Hidden", "EndDate", "GroupId", "ParentId", "WorkerIds", "CustomFields" };

    private protected override string Describe(PlanFixProjectDraft draft) => $"PlanFix project {draft.Id}";

    private protected override object ErrorTarget(PlanFixProjectDraft draft, string label) => InputObject ?? (object)draft.Id!;

    private protected override string? Unchanged(PlanFixProjectDraft draft) => AsRead(draft, draft.Unchanged);

    private protected override Task<object?> SendAsync(PlanFixProjectDraft draft, CancellationToken cancellationToken) =>
        PassThru ? Boxed(Client.UpdateProjectAsync(draft, Silent, cancellationToken)) : Boxed(Client.SetProjectAsync(draft, Silent, cancellationToken));
}
