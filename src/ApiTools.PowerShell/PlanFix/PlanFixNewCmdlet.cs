namespace ApiTools.PowerShell.PlanFix;

/// <summary>New-PlanFix*: items from the cmdlet's parameters (the Parameters set) or piped rows (-InputObject), each added
/// and written as PlanFix then has it.</summary>
public abstract class PlanFixNewCmdlet<TDraft> : PlanFixWriteCmdlet<TDraft>
{

    /// <summary>An Import-Csv row, a hashtable or an object whose properties are the item's fields.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    private protected override PSObject? PipedItem => InputObject;

    private protected override string Action => "Add";
}
