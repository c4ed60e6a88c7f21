namespace ApiTools.PowerShell.PlanFix;

/// <summary>Set-PlanFix*: changes from the cmdlet's parameters (the Parameters set, the item named by a parameter that binds
/// from piped objects) or piped rows (-InputObject); -Silent asks PlanFix for no notifications, -PassThru reads each back.</summary>
public abstract class PlanFixSetCmdlet<TDraft> : PlanFixWriteCmdlet<TDraft>
{

    /// <summary>An Import-Csv row, a hashtable or an object naming the item and carrying the fields to change.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>No notifications, actions or log entries (PlanFix asks for it on mass updates).</summary>
    [Parameter] public SwitchParameter Silent { get; set; }

    /// <summary>Write each item as it is after the change.</summary>
    [Parameter] public SwitchParameter PassThru { get; set; }

    private protected override PSObject? PipedItem => InputObject;

    private protected override string Action => "Update";

    private protected override bool Updates => true;

    private protected override object? Output(TDraft draft, object? answer) => PassThru ? answer : null;

    /// <summary>The item's label: the piped row's, else the one its parameters name (task 5).</summary>
    private protected string LabelOr(string label, string ofParameters) => InputObject is null ? ofParameters : label;

    /// <summary>Why an item with a Fingerprint needs no request: it is as it was read.</summary>
    private protected string? AsRead(TDraft draft, bool unchanged) =>
        unchanged ? $"{Describe(draft)} is as it was read (its Fingerprint matches); nothing was sent." : null;
}
