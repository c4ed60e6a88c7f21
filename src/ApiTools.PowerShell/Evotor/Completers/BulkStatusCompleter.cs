namespace ApiTools.PowerShell.Evotor.Completers;

/// <summary>Tab completion for Evotor bulk task statuses.</summary>
public sealed class BulkStatusCompleter : KnownValuesCompleter
{
    private protected override IReadOnlyList<string> Known => EvotorEnums.BulkStatuses;
}
