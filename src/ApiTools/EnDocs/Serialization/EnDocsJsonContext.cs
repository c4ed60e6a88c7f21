using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.EnDocs.Serialization;

/// <summary>Source-generated serialization for EnDocs' camelCase replies (names matched case-insensitively,
/// numbers also read from text, nulls anywhere). Request bodies keep their PascalCase property names.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DocumentWire))]
[JsonSerializable(typeof(AccountWire))]
[JsonSerializable(typeof(UserWire))]
[JsonSerializable(typeof(ErrorWire))]
[JsonSerializable(typeof(ContractorBody))]
[JsonSerializable(typeof(DepartmentBody))]
[JsonSerializable(typeof(EmployeeBody))]
[JsonSerializable(typeof(ContractBody))]
[JsonSerializable(typeof(DocumentBody))]
[JsonSerializable(typeof(NonFormBody))]
[JsonSerializable(typeof(ApprovalBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class EnDocsJsonContext : JsonSerializerContext
{
}
