using System.Text.Json;
using System.Text.Json.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor.Json;

/// <summary>Source-generated (no reflection per item) serialization for Evotor's snake_case, null-free JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(EvotorTimestampConverter) })]
[JsonSerializable(typeof(EvotorPage<Store>))]
[JsonSerializable(typeof(Store))]
[JsonSerializable(typeof(EvotorErrorBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EvotorJsonContext : JsonSerializerContext
{
}
