using System.Collections;

namespace ApiTools.PowerShell.Evotor;

/// <summary>
/// Refuses at binding, before any request, a value that can never be an Evotor id (see <see cref="EvotorIds"/>).
/// PowerShell names the parameter ("Cannot validate argument on parameter 'StoreId'. …"); a value bound from a piped
/// object fails that object alone and the pipeline goes on.
/// </summary>
public sealed class ValidateEvotorIdAttribute : ValidateArgumentsAttribute
{
    /// <summary>An empty string passes (it means "none": Update-EvotorProductGroup -ParentId '' moves a group to the top).</summary>
    public bool AllowEmpty { get; set; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject ps ? ps.BaseObject : arguments;
        if (value is null) return;
        if (value is IEnumerable many and not string)
        {
            foreach (var item in many) Check(item is PSObject p ? p.BaseObject : item);
            return;
        }
        Check(value);
    }

    private void Check(object? item)
    {
        var id = item?.ToString();
        if (AllowEmpty && id is "") return;
        if (EvotorIds.Problem(id) is string problem)
            throw new ValidationMetadataException($"'{InputFields.Shorten(id ?? "")}' is not an Evotor id: it {problem}.");
    }
}
