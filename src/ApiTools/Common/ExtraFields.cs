using System.Text.Json;

namespace ApiTools.Common;

/// <summary>Fields a service sent that our models do not name yet: kept, not dropped, and printed as
/// <c>name=json;name=json</c> so they survive Export-Csv readably.</summary>
public sealed class ExtraFields : Dictionary<string, JsonElement>
{
    public override string ToString() =>
        string.Join(";", this.Select(kv => kv.Key + "=" + (kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString() : kv.Value.GetRawText())));
}
