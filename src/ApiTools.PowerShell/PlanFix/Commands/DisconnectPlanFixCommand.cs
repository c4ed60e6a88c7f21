namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Disconnect-PlanFix: forgets the runspace's default PlanFix connection (the PLANFIX_* variables still serve if set).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PlanFix")]
[OutputType(typeof(void))]
public sealed class DisconnectPlanFixCommand : DisconnectCmdlet<PlanFixConnection>
{
    protected override string Service => PlanFixClient.ServiceName;
}
