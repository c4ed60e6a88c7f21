using System.Text;
using System.Text.Json;
using ApiTools.EnDocs.Serialization;
using ApiTools.Http;

namespace ApiTools.Tests.EnDocs;

public class EnDocsStreamingReaderTests
{
    private static async Task<List<JsonElement>> ReadAll(string json, int step)
    {
        var items = new List<JsonElement>();
        using var body = new TrickleStream(Encoding.UTF8.GetBytes(json), step);
        await new StreamingListReader<JsonElement>(EnDocsJsonContext.Default.JsonElement, new ApiRequest(HttpMethod.Get, "Output/GetNewInvoices")).ReadAsync(body, e => { items.Add(e.Clone()); return Task.CompletedTask; }, default);
        return items;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Items_split_anywhere_across_reads_come_out_whole(int step)
    {
        var json = "{ \"key\" : 3, \"value\" : [ {\"id\":1,\"s\":\"a\\\"b\"}, {\"id\":2,\"n\":[1,2,{\"x\":null}]}, {\"id\":3} ], \"after\": {\"z\": [1]} }";
        var items = await ReadAll(json, step);
        Assert.Equal(new long[] { 1, 2, 3 }, items.Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal("a\"b", items[0].GetProperty("s").GetString());
    }

    [Fact]
    public async Task An_item_larger_than_the_buffer_grows_it_and_value_null_or_a_bare_array_work()
    {
        var big = new string('ж', 300_000);
        var items = await ReadAll("{\"value\":[{\"id\":1,\"comment\":\"" + big + "\"},{\"id\":2}],\"key\":2}", 8192);
        Assert.Equal(big, items[0].GetProperty("comment").GetString());
        Assert.Equal(2, items.Count);

        Assert.Empty(await ReadAll("{\"key\":0,\"value\":null}", 5));
        Assert.Equal(2, (await ReadAll("[{\"id\":1},{\"id\":2}]", 2)).Count);
    }

    [Fact]
    public async Task A_body_that_ends_early_is_an_error_not_a_short_list()
    {
        await Assert.ThrowsAnyAsync<JsonException>(() => ReadAll("{\"key\":3,\"value\":[{\"id\":1},{\"id\":2}", 4));
    }
}
