namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixConnection: the PlanFix connection in effect here and where it came from (-Connection, Connect-PlanFix or the
/// environment), never a secret.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixConnection")]
[OutputType(typeof(PlanFixConnection))]
public sealed class GetPlanFixConnectionCommand : GetConnectionCmdlet<PlanFixConnection, PlanFixClient>
{
    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;
}
