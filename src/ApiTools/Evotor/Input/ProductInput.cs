using ApiTools.Evotor.Models;
using ApiTools.Input;

namespace ApiTools.Evotor.Input;

/// <summary>
/// Turns one input item (a typed product, an Import-Csv row, a hashtable) into the product Evotor
/// is sent, checking it first against what the write contract states (required fields, the name's length, the
/// price's and quantity's format, the article number's, code's and alcohol codes' lengths) and nothing more: every
/// problem is named by field, and an invalid item is refused before any request. Open value sets (tax, type, unit)
/// go as written; Evotor judges them. Read-only columns (StoreId, UserId, CreatedAt,
/// UpdatedAt, Extra) are ignored, so what Export-Csv wrote can be imported as it is.
/// </summary>
public static class ProductInput
{
    /// <summary>The contract documents 128 (its server once said 0..160): the documented limit is kept.</summary>
    public const int MaxNameLength = 128;

    /// <summary>What a write needs; a CSV without one of these columns cannot give a single valid row.</summary>
    public static readonly IReadOnlyList<string> RequiredFields = new[] { "Name", "Price", "MeasureName", "Tax", "AllowToSell", "Type" };

    /// <summary>What a user can set.</summary>
    public static readonly IReadOnlyList<string> WritableFields = new[]
    {
        "Id", "ParentId", "Name", "Type", "MeasureName", "Tax", "AllowToSell", "Price", "CostPrice", "Quantity", "Description",
        "ArticleNumber", "Code", "Barcodes", "AlcoCodes", "AlcoholByVolume", "AlcoholProductKindCode", "TareVolume", "AttributesChoices",
    };

    /// <summary>Every field read, plus the read-only ones Get-EvotorProduct | Export-Csv writes (ignored on purpose);
    /// any other column is unknown, and the cmdlets warn about it once.</summary>
    public static UnknownFields NewUnknownFields() => UnknownFields.Of<Product>("product", WritableFields);

    /// <param name="label">How messages name the item, e.g. <c>item 3 ('Молоко')</c>.</param>
    /// <param name="requireId">PUT needs the id the product is stored under.</param>
    /// <param name="idIgnored">POST: the server makes the id, so a row's Id is not checked (it is not sent).</param>
    public static Product Read(InputFields fields, string label, bool requireId, bool idIgnored = false)
    {
        var product = new Product
        {
            Id = fields.Text("Id")?.Trim() ?? "",
            ParentId = fields.Text("ParentId")?.Trim(),
            Name = fields.Text("Name"),
            Type = Enum(fields, "Type", EvotorEnums.ProductTypes),
            MeasureName = fields.Text("MeasureName")?.Trim(),
            Tax = Enum(fields, "Tax", EvotorEnums.Taxes),
            AllowToSell = fields.Boolean("AllowToSell"),
            Price = Money(fields, "Price"),
            CostPrice = fields.Decimal("CostPrice"),
            Quantity = Amount(fields, "Quantity", scale: 3),
            Description = fields.Text("Description"),
            ArticleNumber = fields.Text("ArticleNumber"),
            Code = fields.Text("Code"),
            Barcodes = fields.List("Barcodes"),
            AlcoCodes = fields.List("AlcoCodes"),
            AlcoholByVolume = fields.Decimal("AlcoholByVolume"),
            AlcoholProductKindCode = fields.Integer("AlcoholProductKindCode"),
            TareVolume = fields.Decimal("TareVolume"),
            AttributesChoices = fields.Map("AttributesChoices"),
        };

        if (requireId && product.Id.Length == 0) fields.AddViolation("Id", "is required to store the product under a known id");
        if (!idIgnored) CheckId(fields, "Id", product.Id);
        CheckId(fields, "ParentId", product.ParentId);
        Required(fields, "Name", product.Name);
        if (product.Name is { Length: > MaxNameLength }) fields.AddViolation("Name", $"is {product.Name.Length} characters; at most {MaxNameLength}");
        Required(fields, "Price", product.Price);
        Required(fields, "MeasureName", product.MeasureName);
        Required(fields, "Tax", product.Tax);
        Required(fields, "AllowToSell", product.AllowToSell);
        Required(fields, "Type", product.Type);
        MaxLength(fields, "ArticleNumber", product.ArticleNumber, 20);
        MaxLength(fields, "Code", product.Code, 10);
        foreach (var code in product.AlcoCodes ?? new StringList())
            if (code.Length != 19) fields.AddViolation("AlcoCodes", $"'{code}' is {code.Length} characters; an alcohol code has 19");

        fields.Checked(product, EvotorClient.ServiceName, label);
        if (product.Id.Length == 0) product.Id = null!; // POST: the server makes the id; never send an empty one
        return product;
    }

    /// <summary>Checks a PATCH's values against the same limits as a whole product's.</summary>
    public static void CheckPatch(Requests.ProductPatch patch)
    {
        var fields = new InputFields(new System.Collections.Generic.Dictionary<string, object?>
        {
            ["Price"] = patch.Price, ["CostPrice"] = patch.CostPrice, ["Quantity"] = patch.Quantity,
        });
        Money(fields, "Price");
        fields.Decimal("CostPrice");
        Amount(fields, "Quantity", scale: 3);
        fields.Checked(patch, EvotorClient.ServiceName, "the update");
    }

    /// <summary>An open value set (tax rates, product types): a known value in its canonical spelling (vat_20 → VAT_20);
    /// any other goes to Evotor as written, and Evotor judges it (its 400 names the field).</summary>
    internal static string? Enum(InputFields fields, string field, System.Collections.Generic.IReadOnlyList<string> known)
    {
        var text = fields.Text(field)?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return EvotorEnums.Match(known, text!) ?? text;
    }

    /// <summary>A price as the contract writes it (number 7.2): 7 digits before the point at most, 2 after.</summary>
    internal static decimal? Money(InputFields fields, string field) => Amount(fields, field, scale: 2);

    internal static decimal? Amount(InputFields fields, string field, int scale)
    {
        var value = fields.Decimal(field);
        if (value is null) return null;
        if (Math.Abs(value.Value) >= 10_000_000m) fields.AddViolation(field, $"{value} has more than 7 digits before the decimal point");
        if (DecimalText.Scale(value.Value) > scale) fields.AddViolation(field, $"{value} has more than {scale} digits after the decimal point");
        return value;
    }

    /// <summary>Names the field as the user wrote it (the CSV column, the parameter): Price, not price; says whether
    /// the column is missing or the cell empty, since the fixes differ.</summary>
    internal static void Required(InputFields fields, string field, object? value)
    {
        if (value is not null || fields.Violations.Any(v => v.Subject == field)) return;
        fields.AddViolation(field, fields.Contains(field) ? "is required but empty" : $"is required but missing (no {field} column or property)");
    }

    /// <summary>An id given in a row (Id, ParentId) must be one Evotor can have: see <see cref="EvotorIds"/>.</summary>
    internal static void CheckId(InputFields fields, string field, string? id)
    {
        if (string.IsNullOrEmpty(id)) return;
        if (EvotorIds.Problem(id) is string problem) fields.AddViolation(field, $"'{InputFields.Shorten(id!)}' {problem}");
    }

    internal static void MaxLength(InputFields fields, string field, string? value, int max)
    {
        if (value is { Length: var n } && n > max) fields.AddViolation(field, $"is {n} characters; at most {max}");
    }
}
