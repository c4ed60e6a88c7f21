namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix contact (a person or a company): <see cref="Id"/>, <see cref="UserId"/> and <see cref="General"/> are
/// three different numbers. <see cref="ContactId"/> repeats <see cref="Id"/> for pipeline binding.</summary>
public sealed class PlanFixContact : PlanFixItem
{
    public long Id { get; set; }
    public long ContactId => Id;

    /// <summary>The contact as a user (task workers, contact-type custom fields).</summary>
    public long? UserId { get; set; }

    /// <summary>The contact's number (action.add, action.getList and templates use it).</summary>
    public long? General { get; set; }

    /// <summary>The template contact's number it was made from.</summary>
    public long? TemplateId { get; set; }
    public string? Name { get; set; }
    public string? MidName { get; set; }
    public string? LastName { get; set; }
    public bool? IsCompany { get; set; }
    public string? Post { get; set; }
    public string? Email { get; set; }

    /// <summary>Phones with their types; prints as the numbers, a;b.</summary>
    public PlanFixPhones Phones { get; set; } = new();
    public string? Address { get; set; }
    /// <summary>The text of the HTML PlanFix keeps (tags dropped, line breaks kept, entities decoded): what a table and a
    /// CSV show. Written back, an unedited text sends <see cref="DescriptionHtml"/> unchanged.</summary>
    public string? Description { get; set; }

    /// <summary>The description as PlanFix keeps it: HTML.</summary>
    public string? DescriptionHtml { get; set; }

    /// <summary>MALE or FEMALE.</summary>
    public string? Sex { get; set; }
    public string? Site { get; set; }
    public string? Skype { get; set; }
    public DateTimeOffset? Birthdate { get; set; }
    public long? GroupId { get; set; }
    public string? GroupName { get; set; }
    public PlanFixCustomFields CustomFields { get; set; } = new();

    /// <summary>A digest of the writable fields as read: Set-PlanFixContact compares a CSV row against it and sends only
    /// what was edited (nothing for a row left as it was).</summary>
    public string? Fingerprint { get; set; }

    public override string ToString() => string.Join(" ", new[] { Name, LastName }.Where(s => !string.IsNullOrEmpty(s)));
}
