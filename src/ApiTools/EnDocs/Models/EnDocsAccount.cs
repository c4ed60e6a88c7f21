namespace ApiTools.EnDocs.Models;

/// <summary>The EnDocs account (client) a token belongs to (<c>GetClientInfo</c>; its fields are inferred).</summary>
public sealed class EnDocsAccount
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Email { get; set; }
    public string? Tariff { get; set; }
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Name} ({Id})";
}
