using System.Globalization;

namespace ApiTools.Evotor.Models;

/// <summary>A point; prints as <c>lat,lng</c> (invariant), the order maps take.</summary>
public sealed class GeoLocation
{
    public decimal? Lng { get; set; }
    public decimal? Lat { get; set; }

    /// <summary>Fields Evotor sent that this model does not name (never sent back).</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0},{1}", Lat, Lng);
}
