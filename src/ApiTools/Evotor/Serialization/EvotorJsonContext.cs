using System.Text.Json;
using System.Text.Json.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor.Serialization;

/// <summary>Source-generated (no reflection per item) serialization for Evotor's snake_case, null-free JSON.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(EvotorTimestampConverter) })]
[JsonSerializable(typeof(EvotorPage<Store>))]
[JsonSerializable(typeof(Store))]
[JsonSerializable(typeof(EvotorPage<Device>))]
[JsonSerializable(typeof(Device))]
[JsonSerializable(typeof(EvotorPage<Employee>))]
[JsonSerializable(typeof(Employee))]
[JsonSerializable(typeof(EvotorPage<Document>))]
[JsonSerializable(typeof(Document))]
[JsonSerializable(typeof(EvotorPage<Product>))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(EvotorPage<ProductGroup>))]
[JsonSerializable(typeof(ProductGroup))]
[JsonSerializable(typeof(EvotorPage<BulkTask>))]
[JsonSerializable(typeof(BulkTask))]
[JsonSerializable(typeof(EvotorPage<ProductImage>))]
[JsonSerializable(typeof(ProductImage))]
[JsonSerializable(typeof(EvotorErrorBody))]
[JsonSerializable(typeof(ProductPatchBody))]
[JsonSerializable(typeof(ProductGroupPatchBody))]
[JsonSerializable(typeof(JsonElement))]
// What Extra holds, so a model with Extra can be written back (tests compare models that way).
[JsonSerializable(typeof(ExtraFields))]
[JsonSerializable(typeof(ExtraList))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class EvotorJsonContext : JsonSerializerContext
{
}
