namespace ApiTools.Evotor.Models;

public sealed class ProductGroupAttributeChoice
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>Fields Evotor sent that this model does not name (never sent back).</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    /// <summary><c>Red{id}</c>: the name, and the id in braces when there is one.</summary>
    public override string ToString() => Named(Name, Id);

    internal static string Named(string? name, string? id) => id is { Length: > 0 } ? $"{name}{{{id}}}" : name ?? "";
}
