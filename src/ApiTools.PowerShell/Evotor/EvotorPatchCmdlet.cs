namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// The Update- cmdlets (PATCH): the changes come as parameters, checked once before anything is sent; the items are
/// named by -StoreId and -Id, bound from items piped in. -PassThru writes each item as it is after the change.
/// </summary>
public abstract class EvotorPatchCmdlet<TPatch> : EvotorStoreItemCmdlet
{
    private TPatch _patch = default!;

    /// <summary>Item ids; bind from items piped in.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string[] Id { get; set; } = null!;

    /// <summary>Write each item after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The item kind as prompts name it: "product".</summary>
    private protected abstract string What { get; }

    /// <summary>The change from the parameters, or null when they change nothing (the message says what to give).</summary>
    private protected abstract TPatch? NewPatch(out string nothingToChange);

    /// <summary>Checks the change against the limits a whole item has; throws ApiValidationException.</summary>
    private protected virtual void Check(TPatch patch)
    {
    }

    /// <summary>The change in words for the prompt: "Set price 47.90, quantity 30".</summary>
    private protected abstract string Describe(TPatch patch);

    private protected abstract Task<object> PatchAsync(string id, TPatch patch, CancellationToken cancellationToken);

    protected override void BeginProcessing()
    {
        if (NewPatch(out var nothing) is not TPatch patch)
        {
            ThrowTerminatingError(CmdletError.EmptyPatch, new PSArgumentException(nothing), null);
            return;
        }
        try
        {
            Check(patch);
        }
        catch (ApiValidationException invalid)
        {
            ThrowTerminatingError(ApiErrorRecords.From(invalid, null));
        }
        _patch = patch;
        base.BeginProcessing();
    }

    protected override void ProcessRecord()
    {
        foreach (var id in Id)
            Send($"{What} {id} in store {StoreId}", Describe(_patch), id, ct => PatchAsync(id, _patch, ct), output: PassThru);
    }
}
