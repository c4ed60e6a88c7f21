namespace ApiTools.PlanFix.Requests;

/// <summary>What contact.add and contact.update take; null members are not sent, an empty text clears the field.</summary>
public sealed class PlanFixContactDraft
{
    /// <summary>The contact to change (contact.update); not sent by contact.add.</summary>
    public long? Id { get; set; }

    /// <summary>The contact to change by its number, when <see cref="Id"/> is not given.</summary>
    public long? General { get; set; }

    /// <summary>The number (general) of the template contact to make it from.</summary>
    public long? TemplateId { get; set; }
    public string? Name { get; set; }
    public string? MidName { get; set; }
    public string? LastName { get; set; }

    /// <summary>A company rather than a person (contact.add only).</summary>
    public bool? IsCompany { get; set; }
    public string? Post { get; set; }
    public string? Email { get; set; }
    public IList<string>? Phones { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }

    /// <summary>MALE or FEMALE.</summary>
    public string? Sex { get; set; }
    public string? Site { get; set; }
    public string? Skype { get; set; }
    public DateTimeOffset? Birthdate { get; set; }
    public long? GroupId { get; set; }
    public bool? CanBeWorker { get; set; }
    public bool? CanBeClient { get; set; }
    public PlanFixCustomValues? CustomFields { get; set; }

    /// <summary>True when the item matched the Fingerprint it carried: nothing was edited, so nothing is to be sent.</summary>
    public bool Unchanged { get; set; }
}
