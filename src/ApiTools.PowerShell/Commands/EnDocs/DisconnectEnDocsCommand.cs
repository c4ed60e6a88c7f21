using System.Management.Automation;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.EnDocs;

/// <summary>Disconnect-EnDocs: forgets the runspace's default EnDocs connection (ENDOCS_TOKEN still serves if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "EnDocs")]
[OutputType(typeof(void))]
public sealed class DisconnectEnDocsCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var store = ConnectionStore.Current;
        WriteVerbose(store.EnDocs is null ? "No EnDocs connection was set." : $"Forgot {store.EnDocs}.");
        store.EnDocs = null;
    }
}
