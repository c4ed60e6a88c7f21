namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Set-EvotorProductGroup: creates or replaces product groups by id (PUT).</summary>
[Cmdlet(VerbsCommon.Set, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(ProductGroup))]
public sealed class SetEvotorProductGroupCommand : ProductGroupWriteCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>Write each stored group.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string Action => "Create or replace";

    private protected override string[] PromptFields => new[] { "Name", "ParentId", "Barcodes", "Attributes" };

    private protected override ProductGroup Read(InputFields fields, string label) => ProductGroupInput.Read(fields, label, requireId: true);

    private protected override string Describe(ProductGroup draft) => $"product group '{draft.Name}' ({draft.Id}) in store {StoreId}";

    private protected override object ErrorTarget(ProductGroup draft, string label) => draft.Id;

    private protected override Task<object?> SendAsync(ProductGroup draft, CancellationToken cancellationToken) =>
        Boxed(Client.PutProductGroupAsync(StoreId, draft, cancellationToken));

    private protected override object? Result(ProductGroup draft, object? answer) => PassThru ? answer : null;
}
