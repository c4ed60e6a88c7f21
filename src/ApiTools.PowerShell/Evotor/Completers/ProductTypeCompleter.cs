namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor product types (NORMAL, SERVICE, ALCOHOL_MARKED, …).</summary>
public sealed class ProductTypeCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.ProductTypes;
}
