using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;

namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Update-EvotorProductGroup: renames or moves product groups (PATCH; what Evotor accepts here is inferred).</summary>
[Cmdlet(VerbsData.Update, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProductGroup))]
public sealed class UpdateEvotorProductGroupCommand : EvotorPatchCmdlet<ProductGroupPatch>
{
    [Parameter] [ValidateNotNullOrEmpty] public string? Name { get; set; }

    /// <summary>The group to move it under.</summary>
    [Parameter] [ValidateNotNullOrEmpty] [ValidateEvotorId] [ArgumentCompleter(typeof(EvotorIdCompleter))] public string? ParentId { get; set; }

    private protected override string What => "product group";

    private protected override ProductGroupPatch? NewPatch(out string nothingToChange)
    {
        nothingToChange = "Nothing to change: give -Name or -ParentId.";
        var patch = new ProductGroupPatch { Name = Name, ParentId = ParentId };
        return patch.IsEmpty ? null : patch;
    }

    private protected override string Describe(ProductGroupPatch patch) => "Update";

    private protected override async Task<object> PatchAsync(string id, ProductGroupPatch patch, CancellationToken cancellationToken) =>
        await Client.PatchProductGroupAsync(StoreId, id, patch, cancellationToken).ConfigureAwait(false);
}
