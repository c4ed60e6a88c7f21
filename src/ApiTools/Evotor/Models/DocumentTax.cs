using System.Globalization;

namespace ApiTools.Evotor.Models;

public sealed class DocumentTax
{
    public string? Type { get; set; }
    public decimal? Sum { get; set; }
    public decimal? ResultSum { get; set; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1}", Type, ResultSum ?? Sum);
}
