namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixQuota: the connection's daily quota as last seen (sends nothing to PlanFix: the count comes from the calls
/// already made, by every process on the key where the budget is shared in Redis).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixQuota")]
[OutputType(typeof(PlanFixQuota))]
public sealed class GetPlanFixQuotaCommand : PlanFixCmdlet
{
    protected override void ProcessRecord()
    {
        WriteObject(Await(_ => Client.GetQuotaAsync()));
    }
}
