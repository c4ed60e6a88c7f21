namespace ApiTools.EnDocs.Models;

/// <summary>A user of the account (<c>GetClientUsers</c>; its fields are inferred).</summary>
public sealed class EnDocsUser
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Position { get; set; }
    public bool? IsActive { get; set; }
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name ?? Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
