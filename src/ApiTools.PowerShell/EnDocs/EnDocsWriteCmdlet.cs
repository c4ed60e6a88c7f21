namespace ApiTools.PowerShell.EnDocs;

/// <summary>
/// The EnDocs Set- cmdlets (AddOrUpdate) on the write pipeline (<see cref="WriteCmdlet{TConnection,TClient,TDraft}"/>):
/// a piped record (Ext_ID or ExtId alike) or the parameters; created vs updated is said in verbose and in the -PassThru result.
/// </summary>
public abstract class EnDocsWriteCmdlet<TDraft> : WriteCmdlet<EnDocsConnection, EnDocsClient, TDraft>
{

    /// <summary>An Import-Csv row, a hashtable or an object; its properties are read by name (Ext_ID or ExtId alike).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public PSObject? InputObject { get; set; }

    /// <summary>Write an EnDocsWriteResult for each record sent.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override ServiceKit<EnDocsConnection, EnDocsClient> Kit => EnDocsKit.Instance;

    private protected override PSObject? PipedItem => InputObject;

    private protected override string[] LabelFields => new[] { "ExtId", "Name" };

    private protected override string Action => "Add or update";

    /// <summary>Created or updated, said in verbose; the result is written with -PassThru.</summary>
    private protected override object? Output(TDraft draft, object? answer)
    {
        var result = (EnDocsWriteResult)answer!;
        WriteVerbose($"{Describe(draft)}: {(result.Created ? "created" : "updated")} (RequestID {result.RequestId}).");
        return PassThru ? result : null;
    }
}
