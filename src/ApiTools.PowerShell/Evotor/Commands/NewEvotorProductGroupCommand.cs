namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>New-EvotorProductGroup: creates product groups; Evotor makes their ids. Writes each created group.</summary>
[Cmdlet(VerbsCommon.New, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ParametersSet)]
[OutputType(typeof(ProductGroup))]
public sealed class NewEvotorProductGroupCommand : ProductGroupWriteCmdlet
{
    private protected override string Action => "Create";

    private protected override ProductGroup Read(InputFields fields, string label) => ProductGroupInput.Read(fields, label, requireId: false, idIgnored: true);

    private protected override string Describe(ProductGroup draft) => $"product group '{draft.Name}' in store {StoreId}";

    private protected override object ErrorTarget(ProductGroup draft, string label) => label;

    private protected override Task<object?> SendAsync(ProductGroup draft, CancellationToken cancellationToken) =>
        Boxed(Client.CreateProductGroupAsync(StoreId, draft, cancellationToken));
}
