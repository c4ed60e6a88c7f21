using System.Buffers;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Http;
using ApiTools.Paging;
using ApiTools.Errors;
using ApiTools.Common;

namespace ApiTools.Tests.Evotor;

/// <summary>An Evotor list page checked whole, then parsed item by item (what lets the next page's fetch overlap the parse).</summary>
public class EvotorPageReaderTests
{
    private static readonly ApiRequest Request = new(HttpMethod.Get, "stores/s1/products");

    /// <summary>A page of products, read by the hand-written reader (<paramref name="bySerializer"/>: by the serializer, as other types are).</summary>
    private static Page<Product> Open(string json, bool bySerializer = false)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer, 0);
        return EvotorPageReader<Product>.Open(buffer, bytes.Length, EvotorJsonContext.Default.Product, bySerializer ? null : new ProductReader().Read!, Request);
    }

    private static List<Product> All(Page<Product> page)
    {
        var list = new List<Product>();
        for (var i = 0; i < page.Count; i++) list.Add(page.TakeNext());
        return list;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Counts_the_items_and_reads_the_cursor_before_any_item_is_parsed(bool bySerializer)
    {
        var page = Open("""{"items":[{"id":"a","name":"A","price":1.5},{"id":"b","name":"B \"q\" ]}"}],"paging":{"next_cursor":"c2"}}""", bySerializer);

        Assert.Equal(2, page.Count);
        Assert.Equal("c2", page.NextCursor);
        var items = All(page);
        Assert.Equal(new[] { "a", "b" }, items.Select(p => p.Id));
        Assert.Equal(1.5m, items[0].Price);
        Assert.Equal("B \"q\" ]}", items[1].Name);
    }

    [Theory]
    [InlineData("""{"items":[],"paging":{}}""", null)]
    [InlineData("""{"items":null,"paging":{"next_cursor":"x"}}""", "x")]
    [InlineData("""{"paging":{"next_cursor":null}}""", null)]
    [InlineData("""{"paging":{"next_cursor":"x","other":[1,{"a":2}]},"total":3,"items":[]}""", "x")]
    public void Pages_without_items_are_empty_and_keep_their_cursor(string json, string? cursor)
    {
        var page = Open(json);
        Assert.Equal(0, page.Count);
        Assert.Equal(cursor, page.NextCursor);
    }

    [Theory]
    [InlineData("""{"items":[{"id":"a"}],"paging":{}""")]          // cut short
    [InlineData("""{"items":[{"id":"a"}],"paging":{}} {}""")]      // something after the page
    [InlineData("""{"items":{"id":"a"},"paging":{}}""")]           // items not an array
    [InlineData("""{"items":[{"id":"a",}],"paging":{}}""")]        // not JSON
    [InlineData("""[{"id":"a"}] []""")]
    [InlineData("")]
    public void A_body_that_is_not_a_whole_page_is_refused_before_any_item_is_handed_out(string json)
    {
        // Inside the transport attempt; the transport's reader then tells a cut-off body (retried) from a malformed one.
        Assert.ThrowsAny<JsonException>(() => Open(json));
    }

    [Fact]
    public void A_page_printed_inside_a_list_of_one_is_read_from_inside()
    {
        // Evotor's bulk task list page, as its documentation prints it.
        var page = Open("""[ {"items":[{"id":"a"}],"paging":{"next_cursor":"c"}} ]""");

        Assert.Equal("c", page.NextCursor);
        Assert.Equal("a", page.TakeNext().Id);
    }

    [Fact]
    public void A_bare_list_of_items_is_read_as_the_last_page()
    {
        var page = Open("""[{"id":"a"},{"id":"b","price":"1.5"}]""");

        Assert.Null(page.NextCursor);
        Assert.Equal(["a", "b"], All(page).Select(p => p.Id));
    }

    [Theory]
    [InlineData("""{"items":[],"paging":{"cursor":"c"}}""", "c")]
    [InlineData("""{"items":[],"paging":{"next_cursor":12}}""", "12")]
    public void A_cursor_under_the_name_the_docs_once_printed_or_as_a_number_is_still_the_cursor(string json, string cursor) =>
        Assert.Equal(cursor, Open(json).NextCursor);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_item_the_model_cannot_hold_is_a_protocol_error_naming_the_item_after_the_earlier_ones(bool bySerializer)
    {
        var page = Open("""{"items":[{"id":"a","price":1},["b"],{"id":"c"}],"paging":{}}""", bySerializer);

        Assert.Equal("a", page.TakeNext().Id);
        var error = Assert.Throws<ApiException>(() => page.TakeNext());

        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        Assert.Equal("Evotor", error.Service);
        Assert.Contains("item 2 of 3", error.Message);
        Assert.Contains("GET /stores/s1/products", error.Message);
        page.Release();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Text_that_is_not_UTF8_is_a_protocol_error_too(bool bySerializer)
    {
        var json = Encoding.UTF8.GetBytes("""{"items":[{"id":"a","name":"?"}],"paging":{}}""");
        json[Array.IndexOf(json, (byte)'?')] = 0xFF; // a byte no UTF-8 text holds
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
        json.CopyTo(buffer, 0);
        var page = EvotorPageReader<Product>.Open(buffer, json.Length, EvotorJsonContext.Default.Product, bySerializer ? null : new ProductReader().Read!, Request);

        var error = Assert.Throws<ApiException>(() => page.TakeNext());
        Assert.Equal(ApiErrorKind.ProtocolError, error.Kind);
        page.Release();
    }

    [Fact]
    public void Skipped_items_are_not_parsed()
    {
        var page = Open("""{"items":[{"id":"a","price":"not read"},{"id":"b"}],"paging":{}}""");

        page.SkipNext();
        Assert.Equal("b", page.TakeNext().Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Items_handed_out_stay_whole_after_the_body_goes_back_to_the_pool(bool bySerializer)
    {
        var page = Open("""{"items":[{"id":"a","name":"first","unknown_field":{"x":[1,2]}}],"paging":{}}""", bySerializer);
        var item = page.TakeNext(); // the last item: the buffer is returned here

        // Reuse the pooled buffers: nothing the item holds may point into them.
        for (var i = 0; i < 4; i++) Open("""{"items":[{"id":"zzzzzzzzzzzz","name":"zzzzzzzzzzzzzzzzzz"}],"paging":{}}""").Release();

        Assert.Equal("first", item.Name);
        Assert.Equal("""{"x":[1,2]}""", ExtraValue.Json(item.Extra!["unknown_field"]));
    }
}
