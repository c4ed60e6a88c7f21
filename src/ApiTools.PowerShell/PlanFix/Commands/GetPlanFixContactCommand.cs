using System.Collections;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixContact: contacts streamed page by page (contact.getList with its search and filters), or contacts
/// by id or by number.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixContact))]
public sealed class GetPlanFixContactCommand : PlanFixNumberedCmdlet<PlanFixContact>
{
    /// <summary>Text in a contact's name, last name or e-mail.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Search { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateSet("Contact", "Company", "Template", IgnoreCase = true)]
    public string? Target { get; set; }

    [Parameter(ParameterSetName = ListSet)] [ValidateRange(1L, long.MaxValue)] public long? CompanyId { get; set; }
    [Parameter(ParameterSetName = ListSet)] [ValidateNotNullOrEmpty] public string? Email { get; set; }
    [Parameter(ParameterSetName = ListSet)] [ValidateNotNullOrEmpty] public string? Phone { get; set; }
    [Parameter(ParameterSetName = ListSet)] [ValidateRange(1L, long.MaxValue)] public long? GroupId { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? CreatedAfter { get; set; }
    [Parameter(ParameterSetName = ListSet)] public DateTime? CreatedBefore { get; set; }

    /// <summary>Custom field values to match, by field name or id.</summary>
    [Parameter(ParameterSetName = ListSet)] public Hashtable? CustomField { get; set; }

    protected override Task<PlanFixContact> GetById(long id, CancellationToken ct) => Client.GetContactAsync(id, ct);

    protected override Task<PlanFixContact> GetByGeneral(long general, CancellationToken ct) => Client.GetContactByGeneralAsync(general, ct);

    protected override void WriteList()
    {
        var query = new PlanFixContactQuery
        {
            Search = Search, Target = Target, CompanyId = CompanyId, Email = Email, Phone = Phone, GroupId = GroupId,
            CreatedAfter = PlanFixValues.Date(CreatedAfter), CreatedBefore = PlanFixValues.Date(CreatedBefore),
            CustomFields = PlanFixValues.Custom(CustomField),
        };
        WriteStream(() => Client.GetContactsAsync(query, PagerCap, StopToken));
    }
}
