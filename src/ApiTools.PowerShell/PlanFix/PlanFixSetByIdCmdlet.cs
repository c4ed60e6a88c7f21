namespace ApiTools.PowerShell.PlanFix;

/// <summary>Set-PlanFix* of the items named by an id (tasks, contacts, projects): -Id binds from piped items; an item given
/// as parameters is named by it (task 5).</summary>
public abstract class PlanFixSetByIdCmdlet<TDraft> : PlanFixSetCmdlet<TDraft>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ParametersSet)]
    [ValidateRange(1L, long.MaxValue)]
    [ArgumentCompleter(typeof(PlanFixIdCompleter))]
    public long Id { get; set; }

    private protected override string[] LabelFields => new[] { "Id" };

    private protected override string ItemLabel(string label) => LabelOr(label, $"{Input!.Kind} {Id}");
}
