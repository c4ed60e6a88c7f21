using ApiTools.PlanFix;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixQuota: the connection's daily quota as last seen (sends nothing: the count comes from the calls already made).</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixQuota")]
[OutputType(typeof(PlanFixQuota))]
public sealed class GetPlanFixQuotaCommand : PlanFixCmdlet
{
    protected override void ProcessRecord()
    {
        WriteObject(Client.Quota);
    }
}
