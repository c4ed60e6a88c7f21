using System.Text.Json;

namespace ApiTools.Common;

/// <summary>Serializes a plain value tree (dictionaries, lists, scalars) for the escape-hatch cmdlets.</summary>
public static class RawJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Serialize(object? value) => JsonSerializer.Serialize(value, Options);
}
