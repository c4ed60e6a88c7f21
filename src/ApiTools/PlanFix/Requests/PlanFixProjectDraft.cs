namespace ApiTools.PlanFix.Requests;

/// <summary>What project.add and project.update take; null members are not sent (project.update keeps their values).</summary>
public sealed class PlanFixProjectDraft
{
    /// <summary>The project to change (project.update); not sent by project.add.</summary>
    public long? Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public long? OwnerId { get; set; }

    /// <summary>A contact's id; 0 takes the client off.</summary>
    public long? ClientId { get; set; }

    /// <summary>DRAFT, ACTIVE or COMPLETED.</summary>
    public string? Status { get; set; }
    public bool? Hidden { get; set; }
    public DateTimeOffset? EndDate { get; set; }
    public long? GroupId { get; set; }
    public long? ParentId { get; set; }
    public IList<long>? WorkerIds { get; set; }
    public PlanFixCustomValues? CustomFields { get; set; }

    /// <summary>True when the item matched the Fingerprint it carried: nothing was edited, so nothing is to be sent.</summary>
    public bool Unchanged { get; set; }
}
