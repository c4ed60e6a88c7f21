using ApiTools.Evotor.Input;
using ApiTools.Input;
using ApiTools.PlanFix.Input;
using ApiTools.Errors;

namespace ApiTools.Tests.Input;

/// <summary>Values that can never be right are refused by field, with a reason a user can act on.</summary>
public class BadValueTests
{
    private static Dictionary<string, object?> Product() => new()
    {
        ["Name"] = "Хлеб", ["Price"] = "45,5", ["MeasureName"] = "шт", ["Tax"] = "NO_VAT", ["AllowToSell"] = "true", ["Type"] = "NORMAL",
    };

    private static ApiValidationException Refused(Dictionary<string, object?> row, bool requireId = false) =>
        Assert.Throws<ApiValidationException>(() => ProductInput.Read(new InputFields(row), "item 1", requireId));

    [Theory]
    [InlineData("99999999999999999999999999999999999", "is too large")]
    [InlineData("1e400", "is not a number")]
    [InlineData("NaN", "is not a number")]
    [InlineData("12abc", "is not a number")]
    [InlineData("1.234,5", "no thousands separators")]
    public void Numbers_that_are_not_amounts_are_named_with_why(string price, string why)
    {
        var row = Product();
        row["Price"] = price;
        var violation = Assert.Single(Refused(row).Violations);
        Assert.Equal("Price", violation.Subject);
        Assert.Contains(why, violation.Reason);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void Doubles_beyond_a_decimal_are_refused_not_thrown(double value)
    {
        var row = Product();
        row["Price"] = value;
        Assert.Equal("Price", Assert.Single(Refused(row).Violations).Subject);
    }

    [Fact]
    public void Text_holding_the_replacement_character_is_refused_once_per_field()
    {
        var row = Product();
        row["Name"] = "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD";
        var violation = Assert.Single(Refused(row).Violations);
        Assert.Equal("Name", violation.Subject);
        Assert.Contains("U+FFFD", violation.Reason);
        Assert.Contains("Import-Csv -Encoding 1251", violation.Reason);
    }

    [Fact]
    public void A_missing_column_and_an_empty_cell_are_told_apart()
    {
        var row = Product();
        row.Remove("Tax");
        row["Type"] = "";
        var reasons = Refused(row).Violations.ToDictionary(v => v.Subject ?? "", v => v.Reason);
        Assert.Equal("is required but missing (no Tax column or property)", reasons["Tax"]);
        Assert.Equal("is required but empty", reasons["Type"]);
    }

    [Theory]
    [InlineData("a,b", "comma")]
    [InlineData("a b", "has a space in it")]
    [InlineData("a\tb", "has a space in it")]
    [InlineData("a\u0001b", "control character")]
    public void Ids_in_rows_that_can_never_be_Evotor_ids_are_refused(string id, string why)
    {
        var row = Product();
        row["Id"] = id;
        row["ParentId"] = id;
        var violations = Refused(row, requireId: true).Violations;
        Assert.Equal(new[] { "Id", "ParentId" }, violations.Select(v => v.Subject));
        Assert.All(violations, v => Assert.Contains(why, v.Reason));
    }

    [Fact]
    public void An_Id_that_is_not_sent_is_not_checked()
    {
        var row = Product();
        row["Id"] = "old id, from another system";
        Assert.Equal("Хлеб", ProductInput.Read(new InputFields(row), "item 1", requireId: false, idIgnored: true).Name);
    }

    [Theory]
    [InlineData("20170228-F4F1-401B-80FA-9ECCA8451FFB", null)]
    [InlineData("01-000000000000001", null)]
    [InlineData("no-such-id", null)]
    [InlineData("", "is empty")]
    [InlineData("  ", "is blank")]
    [InlineData(" abc", "spaces around it")]
    [InlineData("a,b", "comma")]
    public void What_can_be_an_Evotor_id(string id, string? problem)
    {
        var found = EvotorIds.Problem(id);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void An_Evotor_id_is_at_most_128_characters()
    {
        Assert.Null(EvotorIds.Problem(new string('a', 128)));
        Assert.Contains("129 characters", EvotorIds.Problem(new string('a', 129)));
    }

    [Fact]
    public void PlanFix_rows_refuse_ids_below_1_instead_of_wrapping()
    {
        // Status is a name, an id or a system value: the account's status sets judge it when the row is sent.
        var fields = new InputFields(new Dictionary<string, object?>
        {
            ["Title"] = "T", ["OwnerId"] = "0", ["ProjectId"] = "-5", ["Status"] = "4294967297", ["WorkerIds"] = "1;x",
        });
        var error = Assert.Throws<ApiValidationException>(() => PlanFixInput.ReadTask(fields, "item 1", TimeZoneInfo.Utc));
        Assert.Equal(new[] { "OwnerId", "ProjectId", "WorkerIds" }, error.Violations.Select(v => v.Subject).OrderBy(s => s, StringComparer.Ordinal));
        Assert.Contains(error.Violations, v => v.Subject == "ProjectId" && v.Reason.Contains("-5 is not an id"));
    }

    [Fact]
    public void Unknown_names_are_warned_about_once_each_and_known_spellings_are_not()
    {
        var unknown = ProductInput.NewUnknownFields();
        Assert.Null(unknown.Warning(new[] { "Name", "cost_price", "CreatedAt", "Extra" }, "item 1"));
        var first = unknown.Warning(new[] { "Name", "Prise" }, "item 1");
        Assert.StartsWith("Item 1 has a column 'Prise' that no product field has, so it is ignored.", first);
        Assert.Null(unknown.Warning(new[] { "Prise" }, "item 2"));
        Assert.Contains("columns 'A', 'B'", unknown.Warning(new[] { "A", "B", "Prise" }, "item 3"));
    }
}
