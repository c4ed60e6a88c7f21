using System;
using System.Management.Automation;
using ApiTools.PlanFix.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PowerShell.Base;
using ApiTools.Errors;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>Set-PlanFixTask: changes the given fields of a task (task.update); binds -Id from a piped task.</summary>
[Cmdlet(VerbsCommon.Set, "PlanFixTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanFixTask))]
public sealed class SetPlanFixTaskCommand : PlanFixWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long Id { get; set; }

    [Parameter] [ValidateNotNullOrEmpty] public string? Title { get; set; }
    [Parameter] public string? Description { get; set; }

    [Parameter]
    [ValidateSet("Average", "High", "Low", IgnoreCase = true)]
    public string? Importance { get; set; }

    [Parameter] [ValidateRange(0, int.MaxValue)] public int? Status { get; set; }
    [Parameter] [ValidateRange(1L, long.MaxValue)] public long? OwnerId { get; set; }
    [Parameter] [ValidateRange(1L, long.MaxValue)] public long? ProjectId { get; set; }
    [Parameter] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerId { get; set; }
    [Parameter] public DateTime? EndTime { get; set; }

    /// <summary>Write the task as it is after the change.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var (label, fields) = NextItem(null);
        PlanFixTaskDraft changes;
        try
        {
            changes = PlanFixInput.ReadTask(fields, $"task {Id}", Client.Connection.TimeZone, titleRequired: false);
        }
        catch (ApiValidationException invalid)
        {
            WriteApiError(invalid, Id);
            return;
        }
        if (!ShouldProcess($"PlanFix task {Id}", "Update")) return;
        ForItem(Id, () =>
        {
            // Read back only when asked: at one request a second, a second request per task doubles the time.
            if (PassThru) WriteObject(Await(ct => Client.UpdateTaskAsync(Id, changes, ct)));
            else Await(async ct => { await Client.SetTaskAsync(Id, changes, ct).ConfigureAwait(false); return true; });
        });
    }
}
