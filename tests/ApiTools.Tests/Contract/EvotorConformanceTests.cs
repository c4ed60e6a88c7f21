using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ApiTools.Emulator;

namespace ApiTools.Tests.Contract;

/// <summary>
/// The emulator answers every Evotor endpoint with at least the fields the published payloads carry, each of the same
/// JSON kind (the corpus' shape: every path, with array positions folded, and its kind; a null in a published payload
/// means "absent" and asks for nothing). Published documentation is compared with the emulator in the documentation's
/// shapes, SDK fixtures and real captures with it in the service's. What the emulator does not follow is named below,
/// each with its reason.
/// </summary>
public sealed class EvotorConformanceTests : IAsyncLifetime
{
    /// <summary>Published payloads the emulator does not follow, and why (each is still replayed through the client).</summary>
    private static readonly Dictionary<string, string> NotFollowed = new(StringComparer.Ordinal)
    {
        ["evotor/paging/documentation-v2-dcda2e5.json"] = "the May 2019 text named the cursor \"cursor\", fixed weeks later to \"next_cursor\"",
        ["evotor/products-list/java-sdk-fixture-2-1555c11.json"] = "an older SDK fixture in the v1 shape (bar_codes, a group mixed into the products)",
        ["evotor/product-image/documentation-v2-a1cacdb.json"] = "the August 2018 draft's camelCase image (createdAt, fileSize), replaced by the snake_case reference",
        ["evotor/product-image-create-response/documentation-v2-a1cacdb.json"] = "as above",
        ["evotor/product-bulk-response/java-sdk-fixture-store1.json"] = "the SDK's mock answer \"[]\": no fields",
        ["evotor/document-sell/documentation-v2-d7322bc.json"] = "the July 2018 draft printed a sale's attribute choice as one object; the 2019 text (followed) prints a list",
    };

    /// <summary>Members of a published payload that are the publisher's, not the service's.</summary>
    private static readonly string[] NotTheServices = ["$.paging"]; // evoReact saved single objects with its own "paging": {}

    private EmulatorServer _server = null!;
    private HttpClient _http = null!;
    private string _store = null!;

    public async Task InitializeAsync()
    {
        // Enough documents that every type of the reference is seeded; small pages so lists name a next cursor.
        _server = await EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 2, EvotorDocumentsPerStore = 200, EvotorProductsPerStore = 400 });
        _http = new HttpClient { BaseAddress = _server.EvotorBaseUri.AbsoluteUri.EndsWith('/') ? _server.EvotorBaseUri : new Uri(_server.EvotorBaseUri.AbsoluteUri + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Support.Evotor.Token);
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.evotor.v2+json;charset=UTF-8");
        _store = _server.Evotor.Stores[0].Id;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string> Answers()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(Corpus.Root, "evotor")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            if (!folder!.StartsWith("request-", StringComparison.Ordinal))
                foreach (var file in Corpus.Files("evotor", folder)) data.Add(Path.GetRelativePath(Corpus.Root, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task The_emulator_answers_with_at_least_the_published_fields(string file)
    {
        if (NotFollowed.ContainsKey(file)) return;
        var folder = file.Split('/')[1];
        var published = Corpus.Read(file);
        using var json = JsonDocument.Parse(published);
        var documentation = Path.GetFileName(file).StartsWith("documentation", StringComparison.Ordinal);
        _server.Settings.EvotorShapes = documentation ? EvotorShapes.Documentation : EvotorShapes.Service;
        _server.Settings.EvotorImageAnswer = EvotorImageAnswer.Metadata;

        if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("commodities", out var catalogue))
        {
            // The app's saved catalogue: real products and groups, each compared with the emulator's lists.
            Shape.AssertCovers(Shape.OfAll(catalogue.GetProperty("products").EnumerateArray()), Shape.OfAll(await ItemsAsync($"stores/{_store}/products")), file + " (products)");
            Shape.AssertCovers(Shape.OfAll(catalogue.GetProperty("groups").EnumerateArray()), Shape.OfAll(await ItemsAsync($"stores/{_store}/product-groups")), file + " (groups)");
            return;
        }
        var (want, served) = (Published(json.RootElement), await ServedAsync(folder, json.RootElement));
        Shape.AssertCovers(want, served, file);
    }

    /// <summary>The shape the published payload asks for (a page printed inside a list of one is read from inside).</summary>
    private static HashSet<string> Published(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 1 && root[0].TryGetProperty("items", out _)) root = root[0];
        var shape = Shape.Of(root);
        shape.RemoveWhere(p => NotTheServices.Any(n => p.StartsWith(n + ":", StringComparison.Ordinal) || p.StartsWith(n + ".", StringComparison.Ordinal)));
        return shape;
    }

    /// <summary>What the emulator serves for the endpoint of <paramref name="folder"/>, as one shape (lists: every item, the page's paging).</summary>
    private async Task<HashSet<string>> ServedAsync(string folder, JsonElement published)
    {
        switch (folder)
        {
            case "stores-list": return await PageAsync("stores");
            case "store": return Shape.Of(await GetAsync($"stores/{_store}"));
            case "devices-list": return await PageAsync("devices");
            case "employees-list": return await PageAsync("employees");
            case "documents-list": return await PageAsync($"stores/{_store}/documents");
            case "device-documents-list":
                var device = _server.Evotor.DocumentsOf(_store)[0].DeviceId;
                return await PageAsync($"stores/{_store}/devices/{device}/documents");
            case "products-list": return await PageAsync($"stores/{_store}/products");
            case "product":
                // One product of the published one's type (alcohol fields come with alcohol).
                var type = published.TryGetProperty("type", out var t) ? t.GetString() : "NORMAL";
                var ofType = _server.Evotor.ProductsOf(_store).Where(p => p.Type == type).Take(40).ToList();
                var shapes = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in ofType) shapes.UnionWith(Shape.Of(await GetAsync($"stores/{_store}/products/{p.Id}")));
                return shapes;
            case "product-create-response": return Shape.Of(await WriteAsync(HttpMethod.Post, $"stores/{_store}/products", FullProduct()));
            case "product-groups-list": return await PageAsync($"stores/{_store}/product-groups");
            case "product-group": return Shape.OfAll(await ItemsAsync($"stores/{_store}/product-groups"));
            case "product-group-create-response":
                var parent = _server.Evotor.ProductGroupsOf(_store)[0].Id;
                return Shape.Of(await WriteAsync(HttpMethod.Post, $"stores/{_store}/product-groups", NewGroup.TrimEnd('}') + $",\"parent_id\":\"{parent}\"}}"));
            case "product-bulk-response" or "product-group-bulk-response" or "bulk":
                // A task as accepted, and as it reads once finished (COMPLETED and FAILED ones are seeded).
                var accepted = await WriteAsync(HttpMethod.Put, folder == "product-group-bulk-response" ? $"stores/{_store}/product-groups" : $"stores/{_store}/products",
                    "[" + (folder == "product-group-bulk-response" ? NewGroup : NewProduct) + "]", "application/vnd.evotor.v2+bulk+json", HttpStatusCode.Accepted);
                var tasks = Shape.Of(accepted);
                tasks.UnionWith(Shape.OfAll(await ItemsAsync("bulks"), "$"));
                return tasks;
            case "bulks-list": return await PageAsync("bulks");
            case "product-images-list": return await PageAsync(await ImagesAsync());
            case "product-image": return Shape.Of(await GetAsync((await ImagesAsync()) + "/" + _server.Evotor.ImageOf(_store, _server.Evotor.ProductsOf(_store)[0].Id)!.Id));
            case "product-image-create-response": return Shape.Of(await UploadAsync(_server.Evotor.ProductsOf(_store)[1].Id));
            case "error-400": return Shape.Of(await WriteAsync(HttpMethod.Post, $"stores/{_store}/products", """{"name":"x","price":1 "tax"}""", expected: HttpStatusCode.BadRequest));
            case "paging": return await PageAsync("stores");
        }
        if (folder.StartsWith("document-", StringComparison.Ordinal))
        {
            // Every document of the type, by id: the emulator's data varies from one to the next (discounts, sets, attributes).
            var type = folder["document-".Length..].ToUpperInvariant().Replace('-', '_');
            var documents = _server.Evotor.Stores.SelectMany(s => _server.Evotor.DocumentsOf(s.Id)).Where(d => d.Type == type).ToList();
            Assert.True(documents.Count > 0, $"the emulator seeds no {type} document");
            var shapes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in documents) shapes.UnionWith(Shape.Of(await GetAsync($"stores/{d.StoreId}/documents/{d.Id}")));
            return shapes;
        }
        throw new InvalidOperationException($"No emulator request for the corpus folder '{folder}': add one.");
    }

    private const string NewProduct = """{"name":"Товар","price":10.5,"cost_price":100.123,"measure_name":"шт","tax":"VAT_20","allow_to_sell":true,"type":"NORMAL"}""";
    private const string NewGroup = """{"name":"Группа","barcodes":["2000000000060"],"attributes":[{"name":"Цвет","choices":[{"name":"Зелёный"}]}]}""";

    /// <summary>A product with every optional field the references show, in a seeded group with attributes (and choices of them).</summary>
    private string FullProduct()
    {
        var group = _server.Evotor.ProductGroupsOf(_store).First(g => g.Attributes is { Count: > 0 });
        var choices = string.Join(",", group.Attributes!.Select(a => $"\"{a.Id}\":\"{a.Choices[0].Id}\""));
        return NewProduct.TrimEnd('}') + $",\"parent_id\":\"{group.Id}\",\"attributes_choices\":{{{choices}}},\"description\":\"Вкусный яблочный сидр\"," +
               "\"article_number\":\"СДР-ЯБЛЧ\",\"code\":\"42\",\"barcodes\":[\"2000000000060\"],\"quantity\":12}";
    }

    /// <summary>A first page of two items (so it names a next cursor) and every item of the list, as one shape.</summary>
    private async Task<HashSet<string>> PageAsync(string path)
    {
        var page = await GetAsync(path + (path.Contains('?') ? "&" : "?") + "limit=2");
        var shape = Shape.Of(page);
        shape.UnionWith(Shape.OfAll(await ItemsAsync(path), "$.items[]"));
        return shape;
    }

    private async Task<List<JsonElement>> ItemsAsync(string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(path + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor)));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("paging").TryGetProperty("next_cursor", out var next) ? next.GetString() : null;
        } while (cursor is not null);
        return items;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> WriteAsync(HttpMethod method, string path, string json, string mediaType = "application/vnd.evotor.v2+json",
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType + ";charset=UTF-8");
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The first product's images path, with an image uploaded once.</summary>
    private async Task<string> ImagesAsync()
    {
        var product = _server.Evotor.ProductsOf(_store)[0].Id;
        if (_server.Evotor.ImageOf(_store, product) is null) await UploadAsync(product);
        return $"stores/{_store}/products/{product}/images";
    }

    private async Task<JsonElement> UploadAsync(string product)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Input.TestPng.Make(300, 300));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "datafile", "000.png");
        using var response = await _http.PostAsync($"stores/{_store}/products/{product}/images", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
