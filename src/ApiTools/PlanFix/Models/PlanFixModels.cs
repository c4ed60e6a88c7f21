using System;
using System.Collections.Generic;
using System.Linq;

namespace ApiTools.PlanFix.Models;

/// <summary>Named text values (custom fields by name, elements our models do not name yet) that print as <c>k=v;k=v</c>
/// for Export-Csv while <c>$task.CustomFields['Поле']</c> still works. Names match case-insensitively.</summary>
public sealed class PlanFixFields : Dictionary<string, string>
{
    public PlanFixFields() : base(StringComparer.OrdinalIgnoreCase) { }

    public override string ToString() => string.Join(";", this.Select(kv => kv.Key + "=" + kv.Value));
}

/// <summary>A PlanFix task, flat for Export-Csv. <see cref="TaskId"/> repeats <see cref="Id"/> so that
/// <c>Get-PlanFixTask | Get-PlanFixAction</c> binds -TaskId.</summary>
public sealed class PlanFixTask
{
    public long Id { get; set; }
    public long TaskId => Id;

    /// <summary>The number users see in PlanFix (#1234), not the API id.</summary>
    public long? General { get; set; }
    public string? Title { get; set; }

    /// <summary>HTML, as PlanFix keeps it.</summary>
    public string? Description { get; set; }

    /// <summary>AVERAGE, HIGH or LOW.</summary>
    public string? Importance { get; set; }

    /// <summary>1 new, 2 in work, 3 done, … (the account's status set decides the rest).</summary>
    public int? Status { get; set; }
    public long? StatusSet { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public long? ProjectId { get; set; }
    public string? ProjectTitle { get; set; }
    public long? ClientId { get; set; }
    public string? ClientName { get; set; }
    public DateTimeOffset? BeginDateTime { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The workers' names; prints as a;b.</summary>
    public StringList Workers { get; set; } = new();
    public StringList WorkerIds { get; set; } = new();

    /// <summary>Custom field name → value (its text where PlanFix gives one).</summary>
    public PlanFixFields CustomFields { get; set; } = new();
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"#{General?.ToString() ?? Id.ToString()} {Title}";
}

/// <summary>A PlanFix project; <see cref="ProjectId"/> repeats <see cref="Id"/> so that <c>Get-PlanFixProject | Get-PlanFixTask</c> binds.</summary>
public sealed class PlanFixProject
{
    public long Id { get; set; }
    public long ProjectId => Id;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? Status { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => Title ?? Id.ToString();
}

/// <summary>A PlanFix contact: <see cref="Id"/>, <see cref="UserId"/> and <see cref="General"/> are three different numbers.</summary>
public sealed class PlanFixContact
{
    public long Id { get; set; }
    public long? UserId { get; set; }
    public long? General { get; set; }
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"{Name} {LastName}".Trim();
}

public sealed class PlanFixUser
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public bool? Active { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => $"{Name} {LastName}".Trim();
}

/// <summary>An action on a task (a comment, a status change).</summary>
public sealed class PlanFixAction
{
    public long Id { get; set; }
    public long? TaskId { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset? DateTime { get; set; }
    public long? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public PlanFixFields Extra { get; set; } = new();

    public override string ToString() => Description ?? Id.ToString();
}

/// <summary>task.getList filters; null members are not sent.</summary>
public sealed class PlanFixTaskQuery
{
    /// <summary>all (default: tasks the user sees), in, out, template, periodic, or a saved filter's id.</summary>
    public string? Target { get; set; }
    public long? ProjectId { get; set; }
    public int? Status { get; set; }

    /// <summary>ACTIVE, OVERDUE or MY.</summary>
    public string? Filter { get; set; }
}

/// <summary>What task.add needs (Title) and task.update may change; null members are not sent.</summary>
public sealed class PlanFixTaskDraft
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>AVERAGE, HIGH or LOW.</summary>
    public string? Importance { get; set; }
    public int? Status { get; set; }
    public long? OwnerId { get; set; }
    public long? ProjectId { get; set; }
    public IList<long>? WorkerIds { get; set; }
    public DateTimeOffset? EndTime { get; set; }
}
