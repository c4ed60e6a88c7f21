namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix project; <see cref="ProjectId"/> repeats <see cref="Id"/> so that <c>Get-PlanFixProject | Get-PlanFixTask</c> binds.</summary>
public sealed class PlanFixProject : PlanFixItem
{
    public long Id { get; set; }
    public long ProjectId => Id;
    public string? Title { get; set; }
    /// <summary>The text of the HTML PlanFix keeps (tags dropped, line breaks kept, entities decoded): what a table and a
    /// CSV show. Written back, an unedited text sends <see cref="DescriptionHtml"/> unchanged.</summary>
    public string? Description { get; set; }

    /// <summary>The description as PlanFix keeps it: HTML.</summary>
    public string? DescriptionHtml { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public long? ClientId { get; set; }
    public string? ClientName { get; set; }
    public long? GroupId { get; set; }
    public string? GroupName { get; set; }
    public long? ParentId { get; set; }

    /// <summary>DRAFT, ACTIVE or COMPLETED.</summary>
    public string? Status { get; set; }
    public bool? Hidden { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public DateTimeOffset? BeginDate { get; set; }
    public int? TaskCount { get; set; }
    public bool? IsOverdued { get; set; }
    public PlanFixCustomFields CustomFields { get; set; } = new();

    /// <summary>A digest of the writable fields as read: Set-PlanFixProject sends only what a CSV row changed.</summary>
    public string? Fingerprint { get; set; }

    public override string ToString() => Title ?? Id.ToString();
}
