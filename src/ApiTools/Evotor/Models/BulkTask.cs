using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>
/// A bulk import task: ACCEPTED → RUNNING → COMPLETED or FAILED (finished with errors, maybe partly),
/// or DECLINED (invalid payload, nothing done). Details come once it has finished: one per item sent,
/// in order.
/// </summary>
public sealed class BulkTask
{
    public string Id { get; set; } = "";

    [JsonIgnore]
    public string BulkTaskId => Id;

    public string? Status { get; set; }

    /// <summary>product or product-group.</summary>
    public string? Type { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    public BulkTaskDetailList? Details { get; set; }

    [JsonIgnore]
    public bool IsFinished => Status is "COMPLETED" or "FAILED" or "DECLINED";

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => $"{Type} {Status} ({Id})";
}
