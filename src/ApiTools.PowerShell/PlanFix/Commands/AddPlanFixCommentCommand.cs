using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Add-PlanFixComment: adds a comment (action.add) to a task, with rows of analitic data when -Analitic is given;
/// binds -TaskId from a piped task.</summary>
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

    /// <summary>The analitic (name or id) whose rows -AnaliticData holds.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Analitic { get; set; }

    /// <summary>Rows of the analitic: each a hashtable of field name (or id) → value.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable[]? AnaliticData { get; set; }

    protected override void ProcessRecord()
    {
        if (AnaliticData is { Length: > 0 } && Analitic is null)
        {
            ThrowTerminatingError(CmdletError.InvalidArgument, new ArgumentException("-AnaliticData needs -Analitic: the analitic whose rows they are."), null);
            return;
        }
        var rows = Analitic is null
            ? null
            : (AnaliticData is { Length: > 0 } data ? data : new[] { new Hashtable() }).Select(row => new PlanFixAnaliticRow(Analitic, PlanFixValues.Custom(row) ?? new PlanFixCustomValues())).ToList();
        var what = rows is null ? "Add comment" : $"Add comment with {rows.Count} row(s) of analitic '{Analitic}'";
        if (!ShouldProcess($"PlanFix task {TaskId}", what)) return;
        ForItem(TaskId, () => WriteObject(Await(ct => Client.AddCommentAsync(TaskId, Text, rows, ct))));
    }
}
