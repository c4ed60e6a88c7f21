using ApiTools.Evotor.Input;
using ApiTools.Input;
using ApiTools.Errors;

namespace ApiTools.Tests.Input;

public class ProductInputTests
{
    /// <summary>A row as Import-Csv gives it after Get-EvotorProduct | Export-Csv under ru-RU: all text.</summary>
    private static Dictionary<string, object?> CsvRow() => new()
    {
        ["Id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["StoreId"] = "20170228-F4F1-401B-80FA-9ECCA8451FFB",
        ["ParentId"] = "",
        ["Name"] = "Молоко \"Домик\", 1 л",
        ["Type"] = "NORMAL",
        ["MeasureName"] = "шт",
        ["Tax"] = "VAT_18",
        ["AllowToSell"] = "True",
        ["Price"] = "89,90",
        ["CostPrice"] = "",
        ["Quantity"] = "12,125",
        ["Barcodes"] = "4600000000017;4600000000024",
        ["AttributesChoices"] = "a1=c1;a2=c2",
        ["UserId"] = "01-000000000000001",
        ["CreatedAt"] = "17.01.2023 5:44:58 +00:00",
        ["Extra"] = "external_code=X",
    };

    [Fact]
    public void An_exported_row_reads_back_with_every_field_parsed_and_read_only_columns_ignored()
    {
        var product = ProductInput.Read(new InputFields(CsvRow()), "item 1", requireId: true);

        Assert.Equal("0f8fad5b-d9cb-469f-a165-70867728950e", product.Id);
        Assert.Null(product.ParentId);
        Assert.Equal("Молоко \"Домик\", 1 л", product.Name);
        Assert.Equal(89.90m, product.Price);
        Assert.Null(product.CostPrice);
        Assert.Equal(12.125m, product.Quantity);
        Assert.True(product.AllowToSell);
        Assert.Equal(new[] { "4600000000017", "4600000000024" }, product.Barcodes);
        Assert.Equal("c2", product.AttributesChoices!["a2"]);
        Assert.Null(product.StoreId);
        Assert.Null(product.UserId);
        Assert.Null(product.CreatedAt);
    }

    [Fact]
    public void Snake_case_names_and_typed_values_work_as_well()
    {
        var row = new Dictionary<string, object?>
        {
            ["name"] = "Хлеб", ["price"] = 45.5m, ["measure_name"] = "шт", ["tax"] = "no_vat",
            ["allow_to_sell"] = true, ["type"] = "normal", ["cost_price"] = 30, ["barcodes"] = new[] { "1", "2" },
        };
        var product = ProductInput.Read(new InputFields(row), "item 1", requireId: false);
        Assert.Equal("NO_VAT", product.Tax);
        Assert.Equal("NORMAL", product.Type);
        Assert.Equal(30m, product.CostPrice);
        Assert.Equal(new[] { "1", "2" }, product.Barcodes);
        Assert.Null(product.Id); // POST: the server makes the id
    }

    [Fact]
    public void Every_problem_is_named_by_field_in_one_error_that_names_the_item()
    {
        var row = CsvRow();
        row["Price"] = "1 234,50";
        row["Tax"] = "";
        row["Name"] = new string('x', 129);
        row["Quantity"] = "1,2345";
        row["MeasureName"] = "";
        row["AllowToSell"] = "maybe";

        var error = Assert.Throws<ApiValidationException>(() => ProductInput.Read(new InputFields(row), "item 7 ('x')", requireId: true));

        Assert.Equal(ApiErrorKind.ValidationFailed, error.Kind);
        Assert.StartsWith("Item 7 ('x') is not valid", error.Message);
        var subjects = error.Violations.Select(v => v.Subject).ToList();
        // Named as the user wrote them: the CSV columns, not the API's snake_case.
        Assert.Equal(new[] { "AllowToSell", "MeasureName", "Name", "Price", "Quantity", "Tax" }, subjects.Distinct().OrderBy(s => s));
        Assert.Contains(error.Violations, v => v.Subject == "Price" && v.Reason.Contains("thousands"));
    }

    [Fact]
    public void Required_fields_are_named_when_missing()
    {
        var error = Assert.Throws<ApiValidationException>(() =>
            ProductInput.Read(new InputFields(new Dictionary<string, object?> { ["Name"] = "Хлеб" }), "item 1", requireId: true));
        Assert.Equal(new[] { "Id", "Price", "MeasureName", "Tax", "AllowToSell", "Type" }, error.Violations.Select(v => v.Subject));
    }

    [Theory]
    [InlineData("Price", "10000000")]
    [InlineData("Price", "1.001")]
    [InlineData("ArticleNumber", "123456789012345678901")]
    [InlineData("Code", "12345678901")]
    [InlineData("AlcoCodes", "123;1234567890123456789")]
    [InlineData("AttributesChoices", "a1=c1;broken")]
    public void Limits_of_the_contract_are_checked_before_sending(string field, string value)
    {
        var row = CsvRow();
        row[field] = value;
        Assert.Throws<ApiValidationException>(() => ProductInput.Read(new InputFields(row), "item 1", requireId: true));
    }

    [Theory]
    [InlineData("Tax", "VAT_20", "VAT_20")]
    [InlineData("Tax", "vat_22", "VAT_22")]
    [InlineData("Tax", "VAT_NEW_RATE", "VAT_NEW_RATE")]
    [InlineData("Type", "SHOES_MARKED", "SHOES_MARKED")]
    [InlineData("Type", "service", "SERVICE")]
    [InlineData("Type", "SOMETHING_NEW", "SOMETHING_NEW")]
    [InlineData("MeasureName", "упаковка на 24 бутылки", "упаковка на 24 бутылки")]
    public void Open_value_sets_pass_any_value_to_Evotor_and_spell_known_ones_as_Evotor_does(string field, string value, string sent)
    {
        var row = CsvRow();
        row[field] = value;
        var product = ProductInput.Read(new InputFields(row), "item 1", requireId: true);
        Assert.Equal(sent, field switch { "Tax" => product.Tax, "Type" => product.Type, _ => product.MeasureName });
    }

    [Theory]
    [InlineData("Description", 5000)]
    [InlineData("MeasureName", 40)]
    public void Lengths_no_contract_states_are_not_checked(string field, int length)
    {
        var row = CsvRow();
        row[field] = new string('я', length);
        Assert.Equal(length, (field == "Description" ? ProductInput.Read(new InputFields(row), "item 1", requireId: true).Description
            : ProductInput.Read(new InputFields(row), "item 1", requireId: true).MeasureName)!.Length);
    }

    [Fact]
    public void A_cost_price_as_precise_as_Evotors_own_example_is_taken_and_a_negative_price_goes_to_Evotor()
    {
        var row = CsvRow();
        row["CostPrice"] = "100.123"; // Evotor's PUT example
        row["Price"] = "-1";
        var product = ProductInput.Read(new InputFields(row), "item 1", requireId: true);
        Assert.Equal((100.123m, -1m), (product.CostPrice, product.Price));
    }

    [Fact]
    public void Group_attributes_read_back_from_the_text_Export_Csv_wrote()
    {
        var group = ProductGroupInput.Read(new InputFields(new Dictionary<string, object?>
        {
            ["Name"] = "Одежда", ["Attributes"] = "Размер(S|M|L);Цвет(красный|синий)",
        }), "item 1", requireId: false);
        Assert.Equal("Размер(S|M|L);Цвет(красный|синий)", group.Attributes!.ToString());
        Assert.Equal(new[] { "S", "M", "L" }, group.Attributes[0].Choices!.Select(c => c.Name));
    }
}
