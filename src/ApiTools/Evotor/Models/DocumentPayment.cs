using System.Globalization;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

public sealed class DocumentPayment
{
    public string? Id { get; set; }

    /// <summary>CARD, CASH, …</summary>
    public string? Type { get; set; }

    public decimal? Sum { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", Type, Sum);
}
