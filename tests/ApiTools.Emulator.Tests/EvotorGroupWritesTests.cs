using System.Net;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;
using static ApiTools.Emulator.Tests.EvotorWriteHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorGroupWritesTests
{
    [Fact]
    public async Task Post_makes_ids_for_the_group_its_attributes_and_choices()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var parent = server.Evotor.ProductGroupsOf(store)[0].Id;

        var created = await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/product-groups",
            $$"""{"name":"Напитки","parent_id":"{{parent}}","barcodes":["2900000000001"],"attributes":[{"name":"Объём","choices":[{"name":"0,5 л"},{"id":"c-1","name":"1 л"}]}],"user_id":"ignored"}""",
            HttpStatusCode.OK);

        var id = Id(created);
        Assert.True(Guid.TryParseExact(id, "D", out _));
        var attribute = Assert.Single(created.GetProperty("attributes").EnumerateArray());
        Assert.True(Guid.TryParseExact(attribute.GetProperty("id").GetString(), "D", out _));
        var choices = attribute.GetProperty("choices").EnumerateArray().ToList();
        Assert.True(Guid.TryParseExact(choices[0].GetProperty("id").GetString(), "D", out _));
        Assert.Equal("c-1", choices[1].GetProperty("id").GetString());
        Assert.Equal(["id", "store_id", "parent_id", "name", "barcodes", "attributes", "user_id", "created_at", "updated_at"],
            created.EnumerateObject().Select(p => p.Name));
        Assert.Equal(server.Evotor.UserId, created.GetProperty("user_id").GetString());

        var listed = await AllItemsAsync(client, $"evotor/stores/{store}/product-groups");
        Assert.Equal(created.GetRawText(), listed.Single(g => Id(g) == id).GetRawText());
        Assert.Equal("Напитки", server.Evotor.FindProductGroup(store, id)!.Name);
        Assert.Equal(5, server.Evotor.ProductGroupsOf(store).Count);

        // A product can now hang under it.
        await ExpectAsync(client, HttpMethod.Post, $"evotor/stores/{store}/products", ProductJson("Сок", $$""","parent_id":"{{id}}" """), HttpStatusCode.OK);
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.CreateProductGroup));
    }

    [Fact]
    public async Task Put_replaces_patch_changes_named_fields_and_cycles_are_refused()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var a = Guid.NewGuid().ToString();
        var b = Guid.NewGuid().ToString();
        var groups = $"evotor/stores/{store}/product-groups";

        var first = await ExpectAsync(client, HttpMethod.Put, $"{groups}/{a}", """{"name":"A","barcodes":["1"]}""", HttpStatusCode.OK);
        await ExpectAsync(client, HttpMethod.Put, $"{groups}/{b}", $$"""{"name":"B","parent_id":"{{a}}"}""", HttpStatusCode.OK);
        var replaced = await ExpectAsync(client, HttpMethod.Put, $"{groups}/{a}", """{"name":"A2"}""", HttpStatusCode.OK);
        Assert.False(replaced.TryGetProperty("barcodes", out _));
        Assert.Equal(first.GetProperty("created_at").GetString(), replaced.GetProperty("created_at").GetString());

        var patched = await ExpectAsync(client, HttpMethod.Patch, $"{groups}/{b}", """{"name":"B2","barcodes":["5"]}""", HttpStatusCode.OK);
        Assert.Equal(("B2", a), (patched.GetProperty("name").GetString(), patched.GetProperty("parent_id").GetString()));

        Assert.Equal(["parent_id"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, $"{groups}/{a}", $$"""{"parent_id":"{{b}}"}"""));
        Assert.Equal(["parent_id"], await BadRequestSubjectsAsync(client, HttpMethod.Put, $"{groups}/{a}", $$"""{"name":"A","parent_id":"{{a}}"}"""));
        Assert.Equal(["body"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, $"{groups}/{a}", "{}"));
        Assert.Equal(["price"], await BadRequestSubjectsAsync(client, HttpMethod.Patch, $"{groups}/{a}", """{"price":1}"""));
        Assert.Equal(["attributes", "attributes", "name"], await BadRequestSubjectsAsync(client, HttpMethod.Post, groups,
            """{"name":"","attributes":[{"choices":[]},{"name":"x","choices":[{"name":"y","extra":1}]}]}"""));
        await ExpectAsync(client, HttpMethod.Patch, $"{groups}/{Guid.NewGuid()}", """{"name":"x"}""", HttpStatusCode.NotFound);
        Assert.Equal("A2", server.Evotor.FindProductGroup(store, a)!.Name);
    }

    [Fact]
    public async Task Delete_one_or_a_list()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var ids = server.Evotor.ProductGroupsOf(store).Select(g => g.Id).ToList();
        var groups = $"evotor/stores/{store}/product-groups";

        await ExpectAsync(client, HttpMethod.Delete, $"{groups}/{ids[0]}", null, HttpStatusCode.NoContent);
        await ExpectAsync(client, HttpMethod.Delete, $"{groups}/{ids[0]}", null, HttpStatusCode.NotFound);
        await AssertNotFoundAsync(client, $"{groups}/{ids[0]}");
        await ExpectAsync(client, HttpMethod.Delete, $"{groups}?id={ids[1]}&id={ids[2]},{Guid.NewGuid()}", null, HttpStatusCode.NoContent);

        Assert.Equal([ids[3]], (await AllItemsAsync(client, groups)).Select(Id));
        Assert.Equal([ids[3]], server.Evotor.ProductGroupsOf(store).Select(g => g.Id));
        var many = string.Join(",", Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()));
        Assert.Equal(["id"], await BadRequestSubjectsAsync(client, HttpMethod.Delete, $"{groups}?id={many}", null));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.DeleteProductGroups));
    }
}
