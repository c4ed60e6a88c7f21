namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Get-EvotorConnection: the Evotor connection in effect here and where it came from (-Connection, Connect-Evotor or the
/// environment), never a secret.</summary>
[Cmdlet(VerbsCommon.Get, "EvotorConnection")]
[OutputType(typeof(EvotorConnection))]
public sealed class GetEvotorConnectionCommand : GetConnectionCmdlet<EvotorConnection, EvotorClient>
{
    private protected override ServiceKit<EvotorConnection, EvotorClient> Kit => EvotorKit.Instance;
}
