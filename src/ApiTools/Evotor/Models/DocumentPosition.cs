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

    /// <summary><c>Хлеб x2 = 80.00</c>; a part the position lacks is left out rather than printed empty.</summary>
    public override string ToString()
    {
        var name = ProductName ?? ProductId ?? "?";
        var quantity = Quantity is decimal q ? string.Format(CultureInfo.InvariantCulture, " x{0}", q) : "";
        var sum = (ResultSum ?? Sum) is decimal s ? string.Format(CultureInfo.InvariantCulture, " = {0}", s) : "";
        return name + quantity + sum;
    }
}
