namespace ApiTools.Evotor.Models;

/// <summary>An employee of the account, with the stores they work in.</summary>
public sealed class Employee : EvotorEntity
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }
    public string? LastName { get; set; }
    public string? PatronymicName { get; set; }
    public string? Phone { get; set; }

    /// <summary>Ids of the stores the employee works in.</summary>
    public StringList? Stores { get; set; }

    /// <summary>ADMIN, CASHIER or MANUAL.</summary>
    public string? Role { get; set; }

    public override string ToString() => string.Join(" ", new[] { LastName, Name, PatronymicName }).Trim() is { Length: > 0 } full ? full : Id;
}
