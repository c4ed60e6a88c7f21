namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor document types (SELL, PAYBACK, POS_OPEN_SESSION, …).</summary>
public sealed class DocumentTypeCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.DocumentTypes;
}
