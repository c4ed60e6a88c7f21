namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>New-EvotorProduct: creates products; Evotor makes their ids. Writes each created product.</summary>
[Cmdlet(VerbsCommon.New, "EvotorProduct", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(Product))]
public sealed class NewEvotorProductCommand : ProductWriteCmdlet
{
    private protected override string Action => "Create";

    private protected override Product Read(InputFields fields, string label) => ProductInput.Read(fields, label, requireId: false, idIgnored: true);

    private protected override string Describe(Product draft) => $"product '{draft.Name}' in store {StoreId}";

    private protected override object ErrorTarget(Product draft, string label) => label;

    private protected override Task<object?> SendAsync(Product draft, CancellationToken cancellationToken) =>
        Boxed(Client.CreateProductAsync(StoreId, draft, cancellationToken));
}
