namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor units (шт, кг, л, …).</summary>
public sealed class MeasureNameCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.MeasureNames;
}
