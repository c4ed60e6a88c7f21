namespace ApiTools.EnDocs.Requests;

/// <summary>An employee to add or update: keyed by <see cref="ExtId"/> when given (EnDocs makes it optional).</summary>
public sealed class EnDocsEmployee
{
    public string? ExtId { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string MiddleName { get; set; } = "";
    public string? Email { get; set; }
    public string? MobilePhone { get; set; }

    /// <summary>Sent as dd.MM.yyyy.</summary>
    public DateTime? BirthDate { get; set; }

    public string? Position { get; set; }

    /// <summary>The Ext_ID of the employee's department.</summary>
    public string? DepartmentExtId { get; set; }

    /// <summary>The Ext_ID of the account's organization the employee belongs to.</summary>
    public string? OrganizationExtId { get; set; }
}
