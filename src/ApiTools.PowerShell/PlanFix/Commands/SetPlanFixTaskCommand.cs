using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Set-PlanFixTask: changes tasks. task.update resets what it is not sent, so each task is read, the change
/// merged in and the whole sent (only when it changes something); a status change goes through task.changeStatus.
/// -Id and the fields as parameters (-Id binds from a piped task), or piped rows whose columns are the fields.</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(PlanFixTask))]
public sealed class SetPlanFixTaskCommand : PlanFixSetByIdCmdlet<PlanFixTaskDraft>
{
    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Title { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(PlanFixWordCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Importance { get; set; }

    /// <summary>A status name of the account, a status id, or a system status (task.changeStatus).</summary>
    [Parameter(ParameterSetName = ParametersSet)]
    [ArgumentCompleter(typeof(TaskStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? ProjectId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0L, long.MaxValue)] public long? ClientId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0L, long.MaxValue)] public long? ParentId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long[]? WorkerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerGroupId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? StartTime { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndTime { get; set; }

    /// <summary>Custom field values by field name or id: @{ 'Сумма сделки' = 1500 }.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public Hashtable? CustomField { get; set; }

    private protected override PlanFixItemInput<PlanFixTaskDraft> Input => PlanFixInput.Tasks;

    private protected override string Describe(PlanFixTaskDraft draft) => $"PlanFix task {draft.Id}";

    private protected override string[] PromptFields => new[] { "Title", "Description", "Importance", "Status", "OwnerId", "ProjectId", "ClientId", "ParentId", "WorkerIds", "WorkerGroupIds", "StartTime", "EndTime", "CustomFields" };

    private protected override object ErrorTarget(PlanFixTaskDraft draft, string label) => InputObject ?? (object)draft.Id!;

    private protected override Task<object?> SendAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken) =>
        PassThru ? Boxed(SendAndReadAsync(draft, cancellationToken)) : Boxed(Client.SetTaskAsync(draft.Id!.Value, draft, Silent, cancellationToken));

    /// <summary>A task already as asked costs its read alone: a verbose line says nothing was sent.</summary>
    private protected override object? Output(PlanFixTaskDraft draft, object? answer)
    {
        if (answer is false) WriteVerbose($"PlanFix task {draft.Id} already has these values; nothing was sent.");
        return base.Output(draft, answer);
    }

    private async Task<PlanFixTask> SendAndReadAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken)
    {
        await Client.SetTaskAsync(draft.Id!.Value, draft, Silent, cancellationToken).ConfigureAwait(false);
        return await Client.GetTaskAsync(draft.Id!.Value, cancellationToken).ConfigureAwait(false);
    }
}
