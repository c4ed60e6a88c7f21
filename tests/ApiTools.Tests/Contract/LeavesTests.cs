using System.Text.Json;
using System.Xml.Linq;

namespace ApiTools.Tests.Contract;

/// <summary>The leaf check itself: it finds what a model lost, and accepts the forms the references write values in.</summary>
public class LeavesTests
{
    private sealed class Item
    {
        public string? Name { get; set; }
        public decimal? Price { get; set; }
        public DateTimeOffset? When { get; set; }
        public Dictionary<string, JsonElement> Extra { get; set; } = new();
    }

    [Fact]
    public void A_leaf_the_model_dropped_is_named_with_its_path()
    {
        using var json = JsonDocument.Parse("""{"name":"Хлеб","price":45.50,"code":"A-1","nested":{"deep":"kept?"}}""");
        var model = new Item { Name = "Хлеб", Price = 45.5m };

        var missing = Leaves.Missing(Leaves.Of(json.RootElement), model);

        Assert.Equal(new[] { "$.code = A-1", "$.nested.deep = kept?" }, missing);
    }

    [Fact]
    public void Numbers_dates_and_Extra_are_found_in_the_forms_the_references_use()
    {
        using var json = JsonDocument.Parse("""{"price":"45.5","when":"2018-04-17T10:11:49.393+0000","extra":{"a":[1,true]}}""");
        var model = new Item
        {
            Price = 45.50m,
            When = new DateTimeOffset(2018, 4, 17, 13, 11, 49, 393, TimeSpan.FromHours(3)),
            Extra = { ["extra"] = JsonDocument.Parse("""{"a":[1,true]}""").RootElement.Clone() },
        };

        Assert.Empty(Leaves.Missing(Leaves.Of(json.RootElement), model));
    }

    [Fact]
    public void A_written_minute_needs_that_minute_not_just_the_day()
    {
        var xml = XElement.Parse("<task><endTime>17-04-2018 10:11</endTime></task>");

        Assert.Empty(Leaves.Missing(Leaves.Of(xml), new Item { When = new DateTimeOffset(2018, 4, 17, 10, 11, 0, TimeSpan.FromHours(3)) }));
        Assert.Single(Leaves.Missing(Leaves.Of(xml), new Item { When = new DateTimeOffset(2018, 4, 17, 12, 0, 0, TimeSpan.FromHours(3)) }));
    }
}
