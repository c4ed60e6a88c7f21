using System.Collections;
using ApiTools.PlanFix.Models;
using ApiTools.PlanFix.Requests;

namespace ApiTools.PowerShell.PlanFix.Commands;

/// <summary>Get-PlanFixContact: contacts streamed page by page (contact.getList with its search and filters), or contacts
/// by id or by number.</summary>
[Cmdlet(VerbsCommon.Get, "PlanFixContact", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(PlanFixContact))]
public sealed class GetPlanFixContactCommand : PlanFixCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";
    private const string ByGeneralSet = "ByGeneral";

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

    [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] Id { get; set; } = null!;

    /// <summary>Contact numbers (general).</summary>
    [Parameter(ParameterSetName = ByGeneralSet, Mandatory = true)]
    [ValidateRange(1L, long.MaxValue)]
    public long[] General { get; set; } = null!;

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case ByIdSet:
                foreach (var id in Id) ForItem(id, () => WriteObject(Await(ct => Client.GetContactAsync(id, ct))));
                break;
            case ByGeneralSet:
                foreach (var general in General) ForItem(general, () => WriteObject(Await(ct => Client.GetContactByGeneralAsync(general, ct))));
                break;
            default:
                var query = new PlanFixContactQuery
                {
                    Search = Search, Target = Target, CompanyId = CompanyId, Email = Email, Phone = Phone, GroupId = GroupId,
                    CreatedAfter = PlanFixValues.Date(CreatedAfter), CreatedBefore = PlanFixValues.Date(CreatedBefore),
                    CustomFields = PlanFixValues.Custom(CustomField),
                };
                WriteStream(() => Client.GetContactsAsync(query, PagerCap, StopToken));
                break;
        }
    }
}
