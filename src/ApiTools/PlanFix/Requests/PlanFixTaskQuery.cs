namespace ApiTools.PlanFix.Requests;

/// <summary>task.getList's filters and sort; null members are not sent. Dates compare by day, in the connection's zone.</summary>
public sealed class PlanFixTaskQuery
{
    /// <summary>all (default: tasks the user sees), in, out, template, periodic, or a saved filter's id.</summary>
    public string? Target { get; set; }
    public long? ProjectId { get; set; }

    /// <summary>With <see cref="ProjectId"/>: its subprojects' tasks too.</summary>
    public bool WithSubprojects { get; set; }

    /// <summary>A status: its id, a system value or its name in the account's status sets (every set's status of that name).</summary>
    public string? Status { get; set; }

    /// <summary>ACTIVE, OVERDUE or MY (several joined with spaces).</summary>
    public string? Filter { get; set; }

    /// <summary>The user who set the tasks (filter type 1).</summary>
    public long? OwnerId { get; set; }

    /// <summary>A user who works on the tasks (filter type 2).</summary>
    public long? WorkerId { get; set; }
    public DateTimeOffset? CreatedAfter { get; set; }
    public DateTimeOffset? CreatedBefore { get; set; }

    /// <summary>The planned end ("finish by") after this day.</summary>
    public DateTimeOffset? EndAfter { get; set; }
    public DateTimeOffset? EndBefore { get; set; }

    /// <summary>Last changed after this day.</summary>
    public DateTimeOffset? ChangedAfter { get; set; }
    public DateTimeOffset? ChangedBefore { get; set; }

    /// <summary>Custom field values to match, by field name or id: numbers match equal (type 102), true/false a checkbox
    /// (105), dates the day (103), text "contains" (101).</summary>
    public PlanFixCustomValues? CustomFields { get; set; }

    /// <summary>NUMBER_ASC/DESC, IMPORTANCE_ASC/DESC, DEADLINE_ASC/DESC, TASKTITLE_ASC/DESC, PROJECT_ASC/DESC.</summary>
    public string? Sort { get; set; }
}
