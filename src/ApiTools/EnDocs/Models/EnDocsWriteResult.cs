namespace ApiTools.EnDocs.Models;

/// <summary>What one AddOrUpdate/DocApproval write did.</summary>
public sealed class EnDocsWriteResult
{
    /// <summary>The EnDocs action, e.g. AddOrUpdateContractor.</summary>
    public string Operation { get; set; } = "";

    public string? ExtId { get; set; }

    /// <summary>True when EnDocs created the record (201), false when it updated one (204).</summary>
    public bool Created { get; set; }

    /// <summary>EnDocs' id of the record, where it said (on creation).</summary>
    public long? Id { get; set; }

    /// <summary>The name a non-form document's file was uploaded under (the only name EnDocs keeps for it).</summary>
    public string? FileName { get; set; }

    /// <summary>The RequestID sent: one per write, the same on every retry.</summary>
    public string RequestId { get; set; } = "";

    public override string ToString() => $"{Operation} {ExtId ?? FileName ?? Id?.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {(Created ? "created" : "updated")}";
}
