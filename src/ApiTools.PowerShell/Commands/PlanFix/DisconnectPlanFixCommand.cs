using System.Management.Automation;
using ApiTools.PowerShell.Base;

namespace ApiTools.PowerShell.Commands.PlanFix;

/// <summary>Disconnect-PlanFix: forgets the runspace's default PlanFix connection (the PLANFIX_* variables still serve if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PlanFix")]
[OutputType(typeof(void))]
public sealed class DisconnectPlanFixCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var store = ConnectionStore.Current;
        WriteVerbose(store.PlanFix is null ? "No PlanFix connection was set." : $"Forgot {store.PlanFix}.");
        store.PlanFix = null;
    }
}
