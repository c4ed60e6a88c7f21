namespace ApiTools.EnDocs.Models;

/// <summary>A user of the account (<c>GetClientUsers</c>).</summary>
public sealed class EnDocsUser
{
    /// <summary>EnDocs' id of the user: GUID-like text, not always a valid GUID, so kept as text.</summary>
    public string Id { get; set; } = "";

    /// <summary>The person's name (displayName; older servers sent it as userName).</summary>
    public string? Name { get; set; }

    /// <summary>The login, which is the e-mail on current servers.</summary>
    public string? UserName { get; set; }

    public string? Email { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? ExtPhone { get; set; }

    /// <summary>True when the user is blocked.</summary>
    public bool? Blocked { get; set; }

    public bool? ClientAdmin { get; set; }
    public bool? EnDocsAdmin { get; set; }

    /// <summary>A HR (кадры) user.</summary>
    public bool? Hr { get; set; }

    public bool? Demo { get; set; }
    public bool? EnableOffice { get; set; }
    public long? ClientId { get; set; }
    public DateTimeOffset? LastLogin { get; set; }
    public DateTimeOffset? LastLoginMobile { get; set; }
    public string? OsType { get; set; }

    /// <summary>Fields EnDocs sent that this model does not name.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => Name ?? UserName ?? Id;
}
