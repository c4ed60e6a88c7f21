using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>An Evotor store (shop). Flat and CSV-friendly; <see cref="StoreId"/> repeats
/// <see cref="Id"/> so <c>Get-EvotorStore | Get-EvotorProduct</c> binds <c>-StoreId</c> by property name.</summary>
public sealed class Store : EvotorEntity
{
    public string Id { get; set; } = "";

    [JsonIgnore]
    public string StoreId => Id;

    public string? Name { get; set; }
    public string? Address { get; set; }

    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
