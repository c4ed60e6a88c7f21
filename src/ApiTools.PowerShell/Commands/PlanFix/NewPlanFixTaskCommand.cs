using System;
using System.Management.Automation;
using ApiTools.PlanFix.Input;
using ApiTools.PlanFix.Models;
using ApiTools.PowerShell.Base;
using ApiTools.Errors;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>New-PlanFixTask: adds tasks from parameters or piped rows (Import-Csv), each checked before it is sent
/// (an invalid row is one PlanFix.ValidationFailed error; the rest still go), and writes each as read back.</summary>
[Cmdlet(VerbsCommon.New, "PlanFixTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(PlanFixTask))]
public sealed class NewPlanFixTaskCommand : PlanFixWriteCmdlet
{
    private const string ParametersSet = "Parameters";
    private const string ObjectSet = "InputObject";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Title { get; set; } = "";

    /// <summary>HTML is allowed.</summary>
    [Parameter(ParameterSetName = ParametersSet)] public string? Description { get; set; }

    [Parameter(ParameterSetName = ParametersSet)]
    [ValidateSet("Average", "High", "Low", IgnoreCase = true)]
    public string? Importance { get; set; }

    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? ProjectId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long? OwnerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] [ValidateRange(1L, long.MaxValue)] public long[]? WorkerId { get; set; }
    [Parameter(ParameterSetName = ParametersSet)] public DateTime? EndTime { get; set; }

    /// <summary>An Import-Csv row, a hashtable or an object with Title, Description, Importance, ProjectId, OwnerId, WorkerIds, EndTime.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        var (label, fields) = NextItem(InputObject);
        PlanFixTaskDraft draft;
        try
        {
            draft = PlanFixInput.ReadTask(fields, label, Client.Connection.TimeZone);
        }
        catch (ApiValidationException invalid)
        {
            WriteApiError(invalid, InputObject ?? (object)label);
            return;
        }
        if (!ShouldProcess($"PlanFix task '{draft.Title}'", "Add")) return;
        ForItem(InputObject ?? (object)draft.Title!, () => WriteObject(Await(ct => Client.AddTaskAsync(draft, ct))));
    }
}
