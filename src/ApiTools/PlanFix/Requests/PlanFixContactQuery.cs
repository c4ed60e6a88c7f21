namespace ApiTools.PlanFix.Requests;

/// <summary>contact.getList's search and filters; null members are not sent.</summary>
public sealed class PlanFixContactQuery
{
    /// <summary>contact (default: people), company, template, or a saved filter's id.</summary>
    public string? Target { get; set; }

    /// <summary>Text found in a contact's name, last name or e-mail.</summary>
    public string? Search { get; set; }

    /// <summary>The company whose contacts to list (its id).</summary>
    public long? CompanyId { get; set; }

    /// <summary>E-mail contains (filter type 4005).</summary>
    public string? Email { get; set; }

    /// <summary>Phone contains (filter type 4003).</summary>
    public string? Phone { get; set; }

    /// <summary>Contact group (filter type 4008).</summary>
    public long? GroupId { get; set; }
    public DateTimeOffset? CreatedAfter { get; set; }
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>Custom field values to match by name or id (4102 numbers, 4105 checkboxes, 4103 dates, 4101 text contains).</summary>
    public PlanFixCustomValues? CustomFields { get; set; }
}
