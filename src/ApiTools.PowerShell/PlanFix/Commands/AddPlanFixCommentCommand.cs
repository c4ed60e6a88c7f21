using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Add-PlanFixComment: adds a comment (action.add) to a task; binds -TaskId from a piped task.</summary>
[Cmdlet(VerbsCommon.Add, "PlanFixComment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PlanFixAction))]
public sealed class AddPlanFixCommentCommand : PlanFixCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long TaskId { get; set; }

    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string Text { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"PlanFix task {TaskId}", "Add comment")) return;
        ForItem(TaskId, () => WriteObject(Await(ct => Client.AddCommentAsync(TaskId, Text, ct))));
    }
}
