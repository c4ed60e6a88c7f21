using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Common;
using ApiTools.Tests.Support;

namespace ApiTools.Tests.Evotor;

/// <summary>The hand-written product reader must give exactly what the serializer gives for the same bytes.</summary>
public class ProductReaderTests
{
    private static Product? ByHand(string json, ProductReader? productReader = null)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        var product = (productReader ?? new ProductReader()).Read(ref reader);
        Assert.False(reader.Read()); // left on the item's last token
        return product;
    }

    /// <summary>What every other Evotor type is read with: the serializer, mended where it refuses.</summary>
    private static Product? BySerializer(string json, ReadNotes? notes = null) =>
        TolerantJson.Read(System.Text.Encoding.UTF8.GetBytes(json), EvotorJsonContext.Default.Product, notes);

    /// <summary>Both read back to JSON with the library's own context: every field, list, map and unknown field compared.</summary>
    private static void AssertSame(string json, ProductReader? productReader = null) =>
        Assert.Equal(JsonSerializer.Serialize(BySerializer(json)!, EvotorJsonContext.Default.Product),
            JsonSerializer.Serialize(ByHand(json, productReader)!, EvotorJsonContext.Default.Product));

    [Fact]
    public async Task Every_product_of_the_emulators_catalogue_reads_the_same_unknown_fields_included()
    {
        await using var server = await Support.Evotor.StartAsync(o => { o.EvotorStores = 1; o.EvotorProductsPerStore = 3000; o.UnknownFields = true; });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Support.Evotor.Token);
        var body = await http.GetByteArrayAsync(server.EvotorBaseUri.AbsoluteUri.TrimEnd('/') + $"/stores/{server.Evotor.Stores[0].Id}/products");

        using var page = JsonDocument.Parse(body);
        var items = page.RootElement.GetProperty("items");
        Assert.Equal(1000, items.GetArrayLength());
        var withExtra = 0;
        var oneReader = new ProductReader(); // as a listing reads a page: values repeated from product to product come from its cache
        foreach (var item in items.EnumerateArray())
        {
            var json = item.GetRawText();
            AssertSame(json, oneReader);
            if (ByHand(json)!.Extra is { Count: > 0 }) withExtra++;
        }
        Assert.True(withExtra > 0, "the catalogue should carry unknown fields for this test to mean anything");
    }

    [Theory]
    [InlineData("""{"id":"a"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"id":null,"name":null,"price":null,"barcodes":null,"attributes_choices":null,"created_at":null,"allow_to_sell":null}""")]
    [InlineData("""{"id":"a","price":1.50,"cost_price":-0.0,"quantity":1e3,"alcohol_by_volume":12.345678901234567890123,"tare_volume":0}""")]
    [InlineData("""{"id":"a","alcohol_product_kind_code":9007199254740993,"allow_to_sell":false}""")]
    [InlineData("""{"id":"a","barcodes":["1","2",null],"alcocodes":[],"attributes_choices":{"k":"v","k":"w","n":null}}""")]
    [InlineData("""{"id":"a","name":"first","name":"second","id":"b"}""")]
    [InlineData("""{"id":"a","extra_1":{"x":[1,{"y":null}]},"extra_2":"s","extra_1":3,"Name":"case differs: unknown"}""")]
    [InlineData("""{"\u0069d":"escaped name","n\u0061me":"\u00e9t\u00e9 \"q\""}""")]
    [InlineData("""{"id":"a","created_at":"2018-04-17T10:11:49.393+0300","updated_at":"2018-04-17T10:11:49+03:00"}""")]
    [InlineData("null")]
    public void Edge_cases_read_the_same(string json) => AssertSame(json);

    [Fact]
    public void A_repeated_value_is_one_string_and_a_changed_one_is_read_afresh()
    {
        var reader = new ProductReader();
        var a = ByHand("""{"id":"1","store_id":"s1","tax":"VAT_18","type":"NORMAL"}""", reader)!;
        var b = ByHand("""{"id":"2","store_id":"s1","tax":"NO_VAT","type":"NORMAL"}""", reader)!;
        var c = ByHand("""{"id":"3","store_id":"s\u0031","tax":null,"type":"SERVICE"}""", reader)!;

        Assert.Same(a.StoreId, b.StoreId);
        Assert.Same(a.Type, b.Type);
        Assert.Equal(("VAT_18", "NO_VAT"), (a.Tax, b.Tax));
        Assert.Equal(("s1", null, "SERVICE"), (c.StoreId, c.Tax, c.Type));
    }

    [Theory]
    [InlineData("""{"id":1}""")]
    [InlineData("""{"id":"a","price":"1.5","cost_price":" 2 ","quantity":"many"}""")]
    [InlineData("""{"id":"a","alcohol_product_kind_code":1.5}""")]
    [InlineData("""{"id":"a","alcohol_product_kind_code":"400","tare_volume":1e400}""")]
    [InlineData("""{"id":"a","allow_to_sell":"yes"}""")]
    [InlineData("""{"id":"a","allow_to_sell":"TRUE","name":true}""")]
    [InlineData("""{"id":"a","allow_to_sell":0}""")]
    [InlineData("""{"id":"a","barcodes":"1;2"}""")]
    [InlineData("""{"id":"a","barcodes":[1,"2",{"code":"3"}]}""")]
    [InlineData("""{"id":"a","barcodes":[1,[2]]}""")]
    [InlineData("""{"id":"a","attributes_choices":{"k":1}}""")]
    [InlineData("""{"id":"a","attributes_choices":[{"attribute_id":"x","choice_id":"y"}]}""")]
    [InlineData("""{"id":"a","created_at":12}""")]
    [InlineData("""{"id":"a","created_at":"yesterday","updated_at":"2018-01-01T00:00:00.000Z"}""")]
    [InlineData("""{"id":{"a":1},"name":{"ru":"Хлеб"},"description":["x"]}""")]
    public void Values_of_another_kind_are_read_the_same_tolerant_way_by_both_and_told_the_same(string json)
    {
        var byHandNotes = new RecordingObserver();
        var bySerializerNotes = new RecordingObserver();
        var byHand = ByHand(json, new ProductReader(new ReadNotes("Evotor", "product", byHandNotes)));
        var bySerializer = BySerializer(json, new ReadNotes("Evotor", "product", bySerializerNotes));

        Assert.Equal(JsonSerializer.Serialize(bySerializer!, EvotorJsonContext.Default.Product), JsonSerializer.Serialize(byHand!, EvotorJsonContext.Default.Product));
        Assert.Equal(ExtraValue.Json(bySerializer!.Extra), ExtraValue.Json(byHand!.Extra));
        Assert.NotEmpty(byHandNotes.Warnings);
        Assert.Equal(bySerializerNotes.Warnings.Order(), byHandNotes.Warnings.Order());
        // Nothing of the item is lost: every value is in a typed field or in Extra.
        using var document = JsonDocument.Parse(json);
        Contract.Leaves.AssertAllLand(Contract.Leaves.Of(document.RootElement), byHand, json);
    }

    [Theory]
    [InlineData("""["a"]""")]
    [InlineData("\"a\"")]
    public void An_item_that_is_no_object_is_refused_by_both(string json)
    {
        Assert.ThrowsAny<JsonException>(() => BySerializer(json));
        Assert.ThrowsAny<JsonException>(() => ByHand(json));
    }
}
