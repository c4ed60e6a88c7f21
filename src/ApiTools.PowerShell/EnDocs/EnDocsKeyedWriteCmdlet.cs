namespace ApiTools.PowerShell.EnDocs;

/// <summary>An EnDocs Set- cmdlet whose records EnDocs keys by an external id and requires a name of (contractors,
/// departments, contracts): -ExtId and -Name, both mandatory, when the record is given by parameters; prompts and
/// messages name the record by both.</summary>
public abstract class EnDocsKeyedWriteCmdlet<TDraft> : EnDocsWriteCmdlet<TDraft> where TDraft : EnDocsKeyedDraft
{
    /// <summary>The external (1C) id EnDocs keys the record by.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string ExtId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    /// <summary>The record kind as prompts name it: "contractor".</summary>
    private protected abstract string Kind { get; }

    private protected override string Describe(TDraft draft) => $"{Kind} '{draft.Name}' ({draft.ExtId})";
}
