namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor bulk task types (product, product-group).</summary>
public sealed class BulkTypeCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.BulkTypes;
}
