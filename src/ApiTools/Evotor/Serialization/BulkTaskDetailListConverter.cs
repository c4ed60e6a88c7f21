using System.Text.Json;
using System.Text.Json.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor.Serialization;

/// <summary>A bulk task's details mix two shapes, by position: the stored resource, or an error
/// <c>{code, message, product_id, violations}</c>. A product has a <c>code</c> of its own, so an error
/// is told apart by <c>message</c> or <c>violations</c>.</summary>
internal sealed class BulkTaskDetailListConverter : JsonConverter<BulkTaskDetailList>
{
    public override bool HandleNull => false;

    public override BulkTaskDetailList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A bulk task's details must be a list.");
        var list = new BulkTaskDetailList();
        using var document = JsonDocument.ParseValue(ref reader);
        foreach (var item in document.RootElement.EnumerateArray())
            list.Add(ReadOne(item.Clone(), list.Count));
        return list;
    }

    private static BulkTaskDetail ReadOne(JsonElement item, int index)
    {
        var detail = new BulkTaskDetail { Index = index };
        if (item.ValueKind != JsonValueKind.Object) return detail;
        var isError = item.TryGetProperty("message", out _) || item.TryGetProperty("violations", out _);
        if (!isError)
        {
            detail.Ok = true;
            detail.Id = Text(item, "id");
            detail.Resource = ExtraValue.From(item) as ExtraFields;
            return detail;
        }
        detail.Id = Text(item, "product_id") ?? Text(item, "id");
        detail.Code = Text(item, "code");
        detail.Message = Text(item, "message");
        if (item.TryGetProperty("violations", out var violations) && violations.ValueKind == JsonValueKind.Array)
        {
            var list = new List<ApiViolation>();
            foreach (var v in violations.EnumerateArray())
                list.Add(new ApiViolation(Text(v, "subject"), Text(v, "reason") ?? "invalid"));
            detail.Violations = list;
        }
        return detail;
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public override void Write(Utf8JsonWriter writer, BulkTaskDetailList value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Bulk task details are read-only.");
}
