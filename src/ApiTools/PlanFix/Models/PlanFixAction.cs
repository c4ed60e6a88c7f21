namespace ApiTools.PlanFix.Models;

/// <summary>An action on a task or a contact (a comment, a status change, a system event).</summary>
public sealed class PlanFixAction : PlanFixItem
{
    public long Id { get; set; }
    public long? TaskId { get; set; }

    /// <summary>The task's title, as the action carries it.</summary>
    public string? TaskTitle { get; set; }

    /// <summary>ACTION, COMMENT, STATUSCHANGED… (passed through as PlanFix sends it).</summary>
    public string? Type { get; set; }

    /// <summary>The text of the HTML PlanFix keeps (tags dropped, line breaks kept, entities decoded): what a table and a
    /// CSV show. Written back, an unedited text sends <see cref="DescriptionHtml"/> unchanged.</summary>
    public string? Description { get; set; }

    /// <summary>The description as PlanFix keeps it: HTML.</summary>
    public string? DescriptionHtml { get; set; }
    public DateTimeOffset? DateTime { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public long? ProjectId { get; set; }
    public string? ProjectTitle { get; set; }

    public override string ToString() => Description ?? Id.ToString();
}
