namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Update-EvotorProductGroup: renames or moves product groups (PATCH; what Evotor accepts here is inferred).</summary>
[Cmdlet(VerbsData.Update, "EvotorProductGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ProductGroup))]
public sealed class UpdateEvotorProductGroupCommand : EvotorPatchCmdlet<ProductGroupPatch>
{
    [Parameter] [ValidateNotNullOrEmpty] public string? Name { get; set; }

    /// <summary>The group to move it under; an empty string moves it to the top level, as -Root does.</summary>
    [Parameter] [AllowEmptyString] [ValidateEvotorId(AllowEmpty = true)] [ArgumentCompleter(typeof(EvotorIdCompleter))] public string? ParentId { get; set; }

    /// <summary>Move the group out of any parent, to the top level.</summary>
    [Parameter] public SwitchParameter Root { get; set; }

    private protected override string What => "product group";

    private protected override ProductGroupPatch? NewPatch(out string nothingToChange)
    {
        nothingToChange = "Nothing to change: give -Name, -ParentId or -Root.";
        var toTop = Root || ParentId is "";
        var patch = new ProductGroupPatch { Name = Name, ParentId = toTop ? null : ParentId, ToTopLevel = toTop };
        return patch.IsEmpty ? null : patch;
    }

    private protected override string Describe(ProductGroupPatch patch) =>
        string.Join(", ", new[]
        {
            patch.Name is null ? null : $"Rename to '{patch.Name}'",
            patch.ParentId is null ? null : $"Move under group {patch.ParentId}",
            patch.ToTopLevel ? "Move to the top level" : null,
        }.Where(s => s is not null));

    private protected override async Task<object> PatchAsync(string id, ProductGroupPatch patch, CancellationToken cancellationToken) =>
        await Client.PatchProductGroupAsync(StoreId, id, patch, cancellationToken).ConfigureAwait(false);
}
