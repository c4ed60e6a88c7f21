namespace ApiTools.EnDocs.Models;

/// <summary>One line of a document's table part. EnDocs carries the table part as JSON text whose values are all
/// strings; here they are typed. The wire names are in brackets where they differ.</summary>
public sealed class EnDocsTableRow
{
    public string? Name { get; set; }

    /// <summary>The unit, as an ОКЕИ name or code (шт, 796).</summary>
    public string? UnitName { get; set; }

    public decimal? Quantity { get; set; }

    /// <summary>The unit price (AmountToPay).</summary>
    public decimal? Price { get; set; }

    /// <summary>The line's sum without VAT (AmountWOVAT).</summary>
    public decimal? AmountWithoutVat { get; set; }

    /// <summary>The VAT rate as written, e.g. 20% or Без НДС.</summary>
    public string? TaxRate { get; set; }

    /// <summary>The line's VAT (VAT).</summary>
    public decimal? Vat { get; set; }

    /// <summary>The line's sum with VAT.</summary>
    public decimal? Amount { get; set; }

    /// <summary>Row fields EnDocs sent that this model does not name, or values that did not read as their type.</summary>
    public ExtraFields? Extra { get; set; }

    public override string ToString() => $"{Name} x {Quantity?.ToString(System.Globalization.CultureInfo.InvariantCulture)} = {Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
