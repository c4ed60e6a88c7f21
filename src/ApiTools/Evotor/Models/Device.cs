using ApiTools.Evotor.Serialization;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>A smart terminal. <see cref="DeviceId"/> repeats <see cref="Id"/> so
/// <c>Get-EvotorDevice | Get-EvotorDocument</c> binds both the store and the device.</summary>
public sealed class Device : EvotorEntity
{
    public string Id { get; set; } = "";

    [JsonIgnore]
    public string DeviceId => Id;

    public string? Name { get; set; }
    public string? StoreId { get; set; }

    /// <summary>The terminal's time zone offset from UTC (Evotor sends milliseconds).</summary>
    [JsonConverter(typeof(MillisecondsConverter))]
    public TimeSpan? TimezoneOffset { get; set; }

    public string? Imei { get; set; }
    public string? FirmwareVersion { get; set; }
    public GeoLocation? Location { get; set; }

    public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
}
