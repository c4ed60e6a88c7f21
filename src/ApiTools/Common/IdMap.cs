namespace ApiTools.Common;

/// <summary>An id → id map (Evotor's <c>attributes_choices</c>) that prints as <c>k=v;k=v</c>
/// for Export-Csv and is read back from that form.</summary>
public sealed class IdMap : Dictionary<string, string>
{
    public override string ToString() => string.Join(";", this.Select(kv => kv.Key + "=" + kv.Value));
}
