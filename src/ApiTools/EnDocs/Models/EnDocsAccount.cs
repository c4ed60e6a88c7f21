namespace ApiTools.EnDocs.Models;

/// <summary>The EnDocs account (client) a token belongs to (<c>GetClientInfo</c>). Servers fill the quotas, their use and
/// Blocked; the rest where they keep it. The account's own token, should a server echo it, is never kept.</summary>
public sealed class EnDocsAccount
{
    public long Id { get; set; }
    public string? Name { get; set; }
    public string? LegalName { get; set; }
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Bik { get; set; }
    public string? BillTo { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool? Blocked { get; set; }
    public DateTimeOffset? BlockDate { get; set; }
    public long? TariffId { get; set; }
    public long? UsersQuota { get; set; }
    public long? UsersUsed { get; set; }

    /// <summary>Storage the plan gives, in GB.</summary>
    public decimal? StorageQuota { get; set; }

    /// <summary>Storage in use, in MB.</summary>
    public decimal? StorageUsed { get; set; }

    public long? OcrQuota { get; set; }
    public long? OcrUsed { get; set; }
    public DateTimeOffset? Created { get; set; }
    public DateTimeOffset? LastLogin { get; set; }

    /// <summary>Fields EnDocs sent that this model does not name.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name is null ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Name} ({Id})";
}
