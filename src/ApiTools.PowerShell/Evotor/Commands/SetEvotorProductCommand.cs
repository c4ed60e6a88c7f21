namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Set-EvotorProduct: creates or replaces products by id (PUT), from objects, Import-Csv rows or parameters.</summary>
[Cmdlet(VerbsCommon.Set, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ObjectSet)]
[OutputType(typeof(Product))]
public sealed class SetEvotorProductCommand : ProductWriteCmdlet
{
    /// <summary>The id to store the product under (piped objects carry their own).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
    [ValidateNotNullOrEmpty]
    [ValidateEvotorId]
    [ArgumentCompleter(typeof(EvotorIdCompleter))]
    public string Id { get; set; } = "";

    /// <summary>Write each stored product.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string Action => "Create or replace";

    private protected override string[] PromptFields => new[] { "Name", "Price", "Quantity", "CostPrice", "MeasureName", "Tax", "Type", "AllowToSell", "ParentId", "Barcodes", "ArticleNumber", "Code" };

    private protected override Product Read(InputFields fields, string label) => ProductInput.Read(fields, label, requireId: true);

    private protected override string Describe(Product draft) => $"product '{draft.Name}' ({draft.Id}) in store {StoreId}";

    private protected override object ErrorTarget(Product draft, string label) => draft.Id;

    private protected override Task<object?> SendAsync(Product draft, CancellationToken cancellationToken) =>
        Boxed(Client.PutProductAsync(StoreId, draft, cancellationToken));

    private protected override object? Output(Product draft, object? answer) => PassThru ? answer : null;
}
