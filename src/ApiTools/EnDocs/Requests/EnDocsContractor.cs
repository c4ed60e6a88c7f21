namespace ApiTools.EnDocs.Requests;

/// <summary>A counterparty to add or update, keyed by <see cref="ExtId"/>.</summary>
public sealed class EnDocsContractor
{
    public string ExtId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FullName { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Address { get; set; }
    public string? LawAddress { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    public string? Type { get; set; }
}
