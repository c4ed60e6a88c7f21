namespace ApiTools.PowerShell.Evotor.Commands;

/// <summary>Disconnect-Evotor: forgets the runspace's default Evotor connection (EVOTOR_TOKEN still serves if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Evotor")]
[OutputType(typeof(void))]
public sealed class DisconnectEvotorCommand : DisconnectCmdlet<EvotorConnection>
{
    protected override string Service => EvotorClient.ServiceName;
}
