using ApiTools.PlanFix.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Set-PlanFixTask: changes the given fields of tasks (task.update): -Id and the fields as parameters (-Id binds
/// from a piped task, so <c>$task | Set-PlanFixTask -Status 3</c> changes the status only), or piped rows whose columns
/// are the fields (<c>Import-Csv tasks.csv | Set-PlanFixTask</c>).</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(PlanFixTask))]
public sealed class SetPlanFixTaskCommand : PlanFixWriteCmdlet<PlanFixTaskDraft>
{
    private const string ParametersSet = "Parameters";
    private const string ObjectSet = "InputObject";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParametersSet)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long Id { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateNotNullOrEmpty] public string? Title { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateSet("Average", "High", "Low", IgnoreCase = true)]
    public string? Importance { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(0, int.MaxValue)] public int? Status { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long? ProjectId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] [ArgumentCompleter(typeof(PlanFixIdCompleter))] public long[]? WorkerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndTime { get; set; }

    /// <summary>An Import-Csv row, a hashtable or an object with the task's Id and the fields to change.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Write the task as it is after the change.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    private protected override PSObject? PipedItem => InputObject;

    private protected override string Action => "Update";

    private protected override string[] LabelFields => new[] { "Id" };

    private protected override UnknownFields NewUnknownFields() => PlanFixInput.NewTaskUnknownFields();

    private protected override PlanFixTaskDraft Read(InputFields fields, string label) =>
        PlanFixInput.ReadTask(fields, InputObject is null ? $"task {Id}" : label, Client.Connection.TimeZone, update: true);

    private protected override string Describe(PlanFixTaskDraft draft) => $"PlanFix task {draft.Id}";

    private protected override object ErrorTarget(PlanFixTaskDraft draft, string label) => InputObject ?? (object)draft.Id!;

    // Read back only when asked: at one request a second, a second request per task doubles the time.
    private protected override Task<object?> SendAsync(PlanFixTaskDraft draft, CancellationToken cancellationToken) =>
        PassThru
            ? Boxed(Client.UpdateTaskAsync(draft.Id!.Value, draft, cancellationToken))
            : Boxed(Client.SetTaskAsync(draft.Id!.Value, draft, cancellationToken));

    private protected override object? Output(PlanFixTaskDraft draft, object? answer) => PassThru ? answer : null;
}
