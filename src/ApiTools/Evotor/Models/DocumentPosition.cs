using System.Globalization;
using System.Text.Json.Serialization;

namespace ApiTools.Evotor.Models;

/// <summary>One line of a sale or return.</summary>
public sealed class DocumentPosition
{
    public string? ProductId { get; set; }
    public string? ProductName { get; set; }
    public string? ProductType { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Price { get; set; }
    public decimal? CostPrice { get; set; }
    public decimal? Sum { get; set; }
    public decimal? ResultSum { get; set; }
    public DocumentTax? Tax { get; set; }

    [JsonExtensionData]
    public ExtraFields? Extra { get; set; }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} x{1} = {2}", ProductName ?? ProductId, Quantity, ResultSum ?? Sum);
}
