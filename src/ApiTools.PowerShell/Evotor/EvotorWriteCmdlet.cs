using ApiTools.Evotor;

namespace ApiTools.PowerShell.Evotor;

/// <summary>The write pipeline (<see cref="WriteCmdlet{TConnection,TClient,TDraft}"/>) for Evotor items.</summary>
public abstract class EvotorWriteCmdlet<TDraft> : WriteCmdlet<EvotorConnection, EvotorClient, TDraft>
{
    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;
}
