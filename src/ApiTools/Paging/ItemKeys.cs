using System.Text.Json;
using System.Xml.Linq;

namespace ApiTools.Paging;

/// <summary>What identifies an item of a listing for the pager's progress check (<see cref="Pager"/>): its id where it has
/// one, else its whole text, so two different items are never taken for one.</summary>
internal static class ItemKeys
{
    /// <summary>A raw JSON item (the escape hatches' -All): its <c>id</c>, else its text.</summary>
    public static string? Of(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? "id:" + (id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText())
            : item.GetRawText();

    /// <summary>A PlanFix list element: its <c>id</c> child or attribute, else its whole XML.</summary>
    public static string? Of(XElement item) =>
        item.Element("id")?.Value is { Length: > 0 } id ? "id:" + id
        : item.Attribute("id")?.Value is { Length: > 0 } attribute ? "id:" + attribute
        : item.ToString(SaveOptions.DisableFormatting);
}
