using System.Management.Automation;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.Evotor;

/// <summary>Disconnect-Evotor: forgets the runspace's default Evotor connection (EVOTOR_TOKEN still serves if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Evotor")]
[OutputType(typeof(void))]
public sealed class DisconnectEvotorCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var store = ConnectionStore.Current;
        WriteVerbose(store.Evotor is null ? "No Evotor connection was set." : $"Forgot {store.Evotor}.");
        store.Evotor = null;
    }
}
