using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
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

    [JsonConverter(typeof(Json.BulkTaskDetailListConverter))]
    public BulkTaskDetailList? Details { get; set; }

    [JsonIgnore]
    public bool IsFinished => Status is "COMPLETED" or "FAILED" or "DECLINED";

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => $"{Type} {Status} ({Id})";
}

/// <summary>What became of one item of a bulk task: the stored resource, or the error that refused it.</summary>
public sealed class BulkTaskDetail
{
    /// <summary>Position of the item in the task (0-based).</summary>
    public int Index { get; set; }

    /// <summary>True when the item was stored.</summary>
    public bool Ok { get; set; }

    /// <summary>The id of the product or group (from the resource, or the error's product_id).</summary>
    public string? Id { get; set; }

    public string? Code { get; set; }
    public string? Message { get; set; }
    public IReadOnlyList<ApiViolation> Violations { get; set; } = Array.Empty<ApiViolation>();

    /// <summary>The stored resource as the server returned it (successful items only).</summary>
    public JsonElement? Resource { get; set; }

    public override string ToString() =>
        Ok ? $"{Index}: ok {Id}" : $"{Index}: {Code} {Message}{(Violations.Count > 0 ? " (" + string.Join("; ", Violations) + ")" : "")}";
}

/// <summary>Prints as <c>98 ok, 2 failed</c>; each detail is still there by index.</summary>
public sealed class BulkTaskDetailList : List<BulkTaskDetail>
{
    public override string ToString()
    {
        var ok = this.Count(d => d.Ok);
        return $"{ok} ok, {Count - ok} failed";
    }
}
