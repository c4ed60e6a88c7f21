namespace ApiTools.EnDocs.Requests;

/// <summary>A department to add or update, keyed by <see cref="ExtId"/>.</summary>
public sealed class EnDocsDepartment : EnDocsKeyedDraft
{
    public string? FullName { get; set; }

    /// <summary>The e-mail (EnDocs login) of the department's head.</summary>
    public string? Manager { get; set; }

    public string? Code { get; set; }

    /// <summary>The Ext_ID of the account's organization the department belongs to.</summary>
    public string? OrganizationExtId { get; set; }
}
