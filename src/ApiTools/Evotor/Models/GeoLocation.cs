using System.Globalization;

namespace ApiTools.Evotor.Models;

/// <summary>A point; prints as <c>lat,lng</c> (invariant), the order maps take.</summary>
public sealed class GeoLocation
{
    public decimal? Lng { get; set; }
    public decimal? Lat { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0},{1}", Lat, Lng);
}
