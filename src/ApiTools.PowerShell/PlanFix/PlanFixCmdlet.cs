namespace ApiTools.PowerShell.PlanFix;

/// <summary>Base of every cmdlet that calls PlanFix (connection resolution in <see cref="ServiceCmdlet{TConnection,TClient}"/>).</summary>
public abstract class PlanFixCmdlet : ServiceCmdlet<PlanFixConnection, PlanFixClient>
{
    private protected override ServiceKit<PlanFixConnection, PlanFixClient> Kit => PlanFixKit.Instance;
}
