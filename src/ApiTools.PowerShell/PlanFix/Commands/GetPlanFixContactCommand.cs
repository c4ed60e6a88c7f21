using ApiTools.Paging;
using ApiTools.PlanFix.Models;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixContact: every contact of the account streamed page by page, or contacts by id.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixContact))]
public sealed class GetPlanFixContactCommand : PlanFixListCmdlet<PlanFixContact>
{
    protected override IAsyncEnumerable<PlanFixContact> List(PageRange range, CancellationToken ct) => Client.GetContactsAsync(range, ct);

    protected override Task<PlanFixContact> Get(long id, CancellationToken ct) => Client.GetContactAsync(id, ct);
}
