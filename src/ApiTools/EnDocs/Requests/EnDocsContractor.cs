namespace ApiTools.EnDocs.Requests;

/// <summary>A counterparty to add or update, keyed by <see cref="ExtId"/>: every field of EnDocs' contractor.</summary>
public sealed class EnDocsContractor : EnDocsKeyedDraft
{
    public string? FullName { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }

    /// <summary>E.g. ЮрЛицо.</summary>
    public string? Type { get; set; }

    public string? Address { get; set; }
    public string? LawAddress { get; set; }

    /// <summary>The contact person.</summary>
    public string? Contact { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Bank { get; set; }

    /// <summary>The bank's БИК (9 digits).</summary>
    public string? Bik { get; set; }

    /// <summary>The settlement account number (расчётный счёт, 20 digits).</summary>
    public string? Bill { get; set; }

    public string? Director { get; set; }

    /// <summary>ОГРН (13 digits) or ОГРНИП (15).</summary>
    public string? Ogrn { get; set; }

    public string? Code { get; set; }
    public string? Comment { get; set; }

    /// <summary>The contractor's id at Diadoc.</summary>
    public string? DiadocId { get; set; }

    /// <summary>The e-mail of the user responsible for the contractor.</summary>
    public string? Manager { get; set; }

    /// <summary>The Ext_ID of the account's organization the contractor belongs to (EnDocs keeps contractors per organization).</summary>
    public string? OrganizationExtId { get; set; }
}
