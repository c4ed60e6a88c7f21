namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor VAT rates as Evotor names them (NO_VAT, VAT_20, …).</summary>
public sealed class TaxCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.Taxes;
}
