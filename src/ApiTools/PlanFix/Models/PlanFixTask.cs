namespace ApiTools.PlanFix.Models;

/// <summary>A PlanFix task, flat for Export-Csv. <see cref="TaskId"/> repeats <see cref="Id"/> so that
/// <c>Get-PlanFixTask | Get-PlanFixAction</c> binds -TaskId.</summary>
public sealed class PlanFixTask : PlanFixItem
{
    public long Id { get; set; }
    public long TaskId => Id;

    /// <summary>The number users see in PlanFix (#1234), not the API id.</summary>
    public long? General { get; set; }
    public string? Title { get; set; }

    /// <summary>The text of the HTML PlanFix keeps (tags dropped, line breaks kept, entities decoded): what a table and a
    /// CSV show. Written back, an unedited text sends <see cref="DescriptionHtml"/> unchanged.</summary>
    public string? Description { get; set; }

    /// <summary>The description as PlanFix keeps it: HTML.</summary>
    public string? DescriptionHtml { get; set; }

    /// <summary>AVERAGE or HIGH (other values pass through as PlanFix sends them).</summary>
    public string? Importance { get; set; }

    /// <summary>The status id PlanFix answers with; <see cref="StatusName"/> is its name in the task's status set.</summary>
    public int? Status { get; set; }

    /// <summary>The status's name from the account's status sets (taskStatus.getListOfSet), read once per connection.</summary>
    public string? StatusName { get; set; }

    /// <summary>The task's status set (process).</summary>
    public long? StatusSet { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }

    /// <summary>The parent task's id; 0 for none, as PlanFix says it.</summary>
    public long? ParentId { get; set; }
    public long? ProjectId { get; set; }
    public string? ProjectTitle { get; set; }

    /// <summary>The client (a contact's id); 0 for none, as PlanFix says it.</summary>
    public long? ClientId { get; set; }
    public string? ClientName { get; set; }
    public DateTimeOffset? BeginDateTime { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }
    public bool? IsOverdued { get; set; }

    /// <summary>Who works on the task: the users' names, then the groups' (prints as a;b).</summary>
    public StringList Workers { get; set; } = new();

    /// <summary>The worker users' ids.</summary>
    public StringList WorkerIds { get; set; } = new();

    /// <summary>The worker groups' names.</summary>
    public StringList WorkerGroups { get; set; } = new();

    /// <summary>The worker groups' ids.</summary>
    public StringList WorkerGroupIds { get; set; } = new();

    /// <summary>Custom fields with id, name, value and text; <c>$task.CustomFields['Поле']</c> finds one by name.</summary>
    public PlanFixCustomFields CustomFields { get; set; } = new();

    public override string ToString() => $"#{General?.ToString() ?? Id.ToString()} {Title}";
}
