namespace ApiTools.EnDocs.Models;

/// <summary>
/// A contractor (counterparty) or one of the account's own organizations, as EnDocs nests it in a document. Every field
/// EnDocs sends is typed; a contractor's property names are Set-EnDocsContractor's, so <c>$doc.Contractor |
/// Set-EnDocsContractor</c> sends it back (its Id, OrganizationId and ClientId are EnDocs' own and are not sent).
/// </summary>
public sealed class EnDocsParty
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? FullName { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }

    /// <summary>The id in 1C (EnDocs sends a string or a number; always text here). Empty for a party made in EnDocs.</summary>
    public string? ExtId { get; set; }

    /// <summary>The organization a contractor belongs to (EnDocs keeps contractors per organization).</summary>
    public long? OrganizationId { get; set; }

    /// <summary>The party's id at Diadoc.</summary>
    public string? DiadocId { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    public string? Type { get; set; }

    public string? Address { get; set; }
    public string? LawAddress { get; set; }

    /// <summary>The contact person.</summary>
    public string? Contact { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Bank { get; set; }

    /// <summary>The bank's БИК.</summary>
    public string? Bik { get; set; }

    /// <summary>The settlement account number (расчётный счёт).</summary>
    public string? Bill { get; set; }

    public string? Director { get; set; }
    public string? Ogrn { get; set; }

    /// <summary>The responsible user's e-mail.</summary>
    public string? Manager { get; set; }

    public string? Code { get; set; }
    public string? WorkKind { get; set; }
    public long? ClientId { get; set; }
    public string? Url { get; set; }
    public string? Comment { get; set; }

    /// <summary>Fields EnDocs sent that this model does not name.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Inn is { Length: > 0 } inn ? $"{Name} ({inn})" : Name ?? "";
}
