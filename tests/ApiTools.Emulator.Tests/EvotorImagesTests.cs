using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ApiTools.Emulator;
using static ApiTools.Emulator.Tests.EmulatorHttp;
using static ApiTools.Emulator.Tests.EvotorWriteHttp;

namespace ApiTools.Emulator.Tests;

public sealed class EvotorImagesTests
{
    private static async Task<(HttpResponseMessage Response, string Body)> UploadAsync(HttpClient client, string path, byte[] data,
        string fileName = "milk.png", string field = "datafile")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, field, fileName);
        var response = await client.PostAsync(path, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static JsonElement Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task An_image_uploads_lists_downloads_byte_for_byte_and_deletes()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[1].Id;
        var images = $"evotor/stores/{store}/products/{product}/images";
        var png = TinyPng.Make(64, 48);

        var (uploaded, body) = await UploadAsync(client, images, png);

        Assert.True(uploaded.StatusCode == HttpStatusCode.OK, body);
        var image = Parse(body);
        AssertNoNulls(image);
        // The reference's shape: where the bytes are, and what they are.
        Assert.Equal(["id", "user_id", "store_id", "product_id", "url", "meta", "created_at", "updated_at"], image.EnumerateObject().Select(p => p.Name));
        var meta = image.GetProperty("meta");
        Assert.Equal((product, store, server.Evotor.UserId, "png", png.Length, 64, 48),
            (image.GetProperty("product_id").GetString(), image.GetProperty("store_id").GetString(), image.GetProperty("user_id").GetString(),
             meta.GetProperty("extension").GetString(), meta.GetProperty("file_size").GetInt32(), meta.GetProperty("width").GetInt32(), meta.GetProperty("height").GetInt32()));
        Assert.Matches(TimestampPattern, image.GetProperty("created_at").GetString()!);
        var id = Id(image);

        var (_, _, list) = await GetJsonAsync(client, images);
        Assert.Equal(image.GetRawText(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetRawText());
        Assert.Equal("{}", list.GetProperty("paging").GetRawText());

        using var download = await client.GetAsync($"{images}/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"milk.png\"", string.Join(",", download.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(png, server.Evotor.ImageOf(store, product)!.Content.ToArray());

        await ExpectAsync(client, HttpMethod.Delete, $"{images}/{id}", null, HttpStatusCode.NoContent);
        await ExpectAsync(client, HttpMethod.Delete, $"{images}/{id}", null, HttpStatusCode.NotFound);
        await AssertNotFoundAsync(client, $"{images}/{id}");
        Assert.Empty((await GetJsonAsync(client, images)).Json.GetProperty("items").EnumerateArray());
        Assert.Equal(1, server.Requests.Count(EvotorRouteKeys.UploadProductImage));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.ProductImages));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.ProductImage));
        Assert.Equal(2, server.Requests.Count(EvotorRouteKeys.DeleteProductImage));
    }

    [Fact]
    public async Task Only_small_pngs_one_per_product()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        var images = $"evotor/stores/{store}/products/{product}/images";

        async Task<List<string>> Refused(byte[] data, string field = "datafile")
        {
            var (response, body) = await UploadAsync(client, images, data, field: field);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
            return [.. Violations(Parse(body)).Select(v => v.Subject)];
        }

        Assert.Equal(["datafile"], await Refused(TinyPng.Make(301, 10)));
        Assert.Equal(["datafile"], await Refused(TinyPng.Make(10, 301)));
        Assert.Equal(["datafile"], await Refused("GIF89a not a png at all, just some bytes"u8.ToArray()));
        var broken = TinyPng.Make(10, 10);
        broken[20] ^= 1; // IHDR no longer matches its CRC
        Assert.Equal(["datafile"], await Refused(broken));
        Assert.Equal(["datafile"], await Refused(TinyPng.Make(10, 10), field: "file"));

        var (tooLarge, body) = await UploadAsync(client, images, new byte[5_242_801]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("payload_too_large", Parse(body).GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, images, TinyPng.Make(300, 300))).Response.StatusCode);
        Assert.Equal(["datafile"], await Refused(TinyPng.Make(1, 1))); // one image per product
        Assert.Equal(["content-type"], await BadRequestSubjectsAsync(client, HttpMethod.Post, images, "{}"));
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(client, $"evotor/stores/{store}/products/{Guid.NewGuid()}/images", TinyPng.Make(1, 1))).Response.StatusCode);
        await AssertNotFoundAsync(client, $"evotor/stores/{store}/products/{Guid.NewGuid()}/images");
        Assert.Equal(300, server.Evotor.ImageOf(store, product)!.Width);
    }

    [Fact]
    public async Task Hostile_file_names_are_kept_verbatim_for_clients_to_sanitise()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var products = server.Evotor.ProductsOf(store);

        var (response, body) = await UploadAsync(client, $"evotor/stores/{store}/products/{products[0].Id}/images", TinyPng.Make(2, 2), "../../evil.png");
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);

        var seeded = server.Evotor.AddProductImage(store, products[1].Id, "..\\..\\\"evil\".png", TinyPng.Make(3, 3));
        var unicode = server.Evotor.AddProductImage(store, products[2].Id, "/etc/молоко.png", TinyPng.Make(3, 3));

        async Task<string> Disposition(string productId, string imageId)
        {
            using var download = await client.GetAsync($"evotor/stores/{store}/products/{productId}/images/{imageId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            return string.Join(",", download.Content.Headers.GetValues("Content-Disposition"));
        }

        Assert.Equal("attachment; filename=\"../../evil.png\"", await Disposition(products[0].Id, Id(Parse(body))));
        Assert.Equal("attachment; filename=\"..\\\\..\\\\\\\"evil\\\".png\"", await Disposition(products[1].Id, seeded.Id));
        var header = await Disposition(products[2].Id, unicode.Id);
        Assert.Equal("attachment; filename=\"/etc/______.png\"; filename*=UTF-8''%2Fetc%2F%D0%BC%D0%BE%D0%BB%D0%BE%D0%BA%D0%BE.png", header);
        Assert.Equal("/etc/молоко.png", ContentDispositionHeaderValue.Parse(header).FileNameStar);

        Assert.Throws<ArgumentException>(() => server.Evotor.AddProductImage(store, products[1].Id, "again.png", TinyPng.Make(3, 3)));
        Assert.Throws<ArgumentException>(() => server.Evotor.AddProductImage(store, products[3].Id, "x.png", new byte[10]));
    }

    [Fact]
    public async Task As_metadata_an_image_names_a_url_on_another_host_name_that_serves_its_bytes_without_a_token()
    {
        await using var server = await StartAsync(o => o.EvotorImageAnswer = EvotorImageAnswer.Metadata);
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        var png = TinyPng.Make(7, 5);
        var image = server.Evotor.AddProductImage(store, product, "a.png", png);

        var (response, _, json) = await GetJsonAsync(client, $"evotor/stores/{store}/products/{product}/images/{image.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = new Uri(json.GetProperty("url").GetString()!);
        Assert.NotEqual(server.Address.Host, url.Host); // 127.0.0.1 and localhost: two hosts, one emulator
        Assert.Equal(server.Address.Port, url.Port);
        using var files = new HttpClient();
        Assert.Equal(png, await files.GetByteArrayAsync(url));
        Assert.False(Assert.Single(server.Evotor.FileRequests).CarriedCredentials);
        Assert.Equal(HttpStatusCode.NotFound, (await files.GetAsync(new Uri(url, "nope.png"))).StatusCode);
        Assert.Equal(0, server.Requests.Count("GET /evotor-files")); // not an API request: not counted
    }

    [Fact]
    public async Task Deleting_a_product_takes_its_image()
    {
        await using var server = await StartAsync();
        using var client = Client(server);
        var store = server.Evotor.Stores[0].Id;
        var product = server.Evotor.ProductsOf(store)[0].Id;
        server.Evotor.AddProductImage(store, product, "a.png", TinyPng.Make(5, 5));

        await ExpectAsync(client, HttpMethod.Delete, $"evotor/stores/{store}/products/{product}", null, HttpStatusCode.NoContent);

        Assert.Null(server.Evotor.ImageOf(store, product));
        await AssertNotFoundAsync(client, $"evotor/stores/{store}/products/{product}/images");
    }
}
