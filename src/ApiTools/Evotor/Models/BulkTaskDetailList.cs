namespace ApiTools.Evotor.Models;

/// <summary>Prints as <c>98 ok, 2 failed</c>; each detail is still there by index.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.BulkTaskDetailListConverter))]
public sealed class BulkTaskDetailList : List<BulkTaskDetail>
{
    public override string ToString()
    {
        var ok = this.Count(d => d.Ok);
        return $"{ok} ok, {Count - ok} failed";
    }
}
