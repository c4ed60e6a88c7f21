using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;

namespace ApiTools.Evotor;

// Single-item writes of products and groups. Drafts come from ProductInput/ProductGroupInput, already
// checked; the server's 400 (with its violations) still comes back as ApiValidationException.
public sealed partial class EvotorClient
{
    /// <summary>Evotor's limit for ids in one <c>DELETE ?id=</c>.</summary>
    public const int MaxIdsPerDelete = 100;

    /// <summary>Creates a product; Evotor makes its id. Not retried where the server may have acted. An answer without a
    /// body (201 with a Location) is read back from the Location, else the draft comes back with the id it names.</summary>
    public Task<Product> CreateProductAsync(string storeId, Product draft, CancellationToken cancellationToken = default) =>
        CreateAsync(EvotorRoutes.Products(storeId), Writable(draft, keepId: false), EvotorJsonContext.Default.Product, storeId, "product", cancellationToken);

    /// <summary>Creates or replaces the product with the draft's id. An answer without a body (Evotor documents 200 with
    /// none) gives the draft as stored, or what its Location reads back.</summary>
    public Task<Product> PutProductAsync(string storeId, Product draft, CancellationToken cancellationToken = default) =>
        PutAsync(EvotorRoutes.Product(storeId, RequireId(draft.Id)), Writable(draft, keepId: true), draft.Id, EvotorJsonContext.Default.Product, storeId, "product", cancellationToken);

    /// <summary>Changes price, quantity or cost price; an answer without a body is followed by a read of the product.</summary>
    public Task<Product> PatchProductAsync(string storeId, string productId, ProductPatch patch, CancellationToken cancellationToken = default)
    {
        if (patch.IsEmpty) throw new ArgumentException("An empty patch changes nothing: set Price, Quantity or CostPrice.", nameof(patch));
        var body = new ProductPatchBody { Price = patch.Price, Quantity = patch.Quantity, CostPrice = patch.CostPrice };
        return WriteAsync(new HttpMethod("PATCH"), EvotorRoutes.Product(storeId, productId), body, EvotorJsonContext.Default.ProductPatchBody, EvotorJsonContext.Default.Product,
            sentItem: null, ct => GetProductAsync(storeId, productId, ct), cancellationToken);
    }

    public Task DeleteProductAsync(string storeId, string productId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.Product(storeId, productId), cancellationToken);

    /// <summary>Deletes many products with <c>DELETE ?id=a,b,c</c>, at most <see cref="MaxIdsPerDelete"/> ids a request.</summary>
    public Task DeleteProductsAsync(string storeId, IReadOnlyList<string> productIds, CancellationToken cancellationToken = default) =>
        DeleteManyAsync(EvotorRoutes.Products(storeId), productIds, cancellationToken);

    public Task<ProductGroup> CreateProductGroupAsync(string storeId, ProductGroup draft, CancellationToken cancellationToken = default) =>
        CreateAsync(EvotorRoutes.ProductGroups(storeId), Writable(draft, keepId: false), EvotorJsonContext.Default.ProductGroup, storeId, "product group", cancellationToken);

    public Task<ProductGroup> PutProductGroupAsync(string storeId, ProductGroup draft, CancellationToken cancellationToken = default) =>
        PutAsync(EvotorRoutes.ProductGroup(storeId, RequireId(draft.Id)), Writable(draft, keepId: true), draft.Id, EvotorJsonContext.Default.ProductGroup, storeId, "product group",
            cancellationToken);

    public Task<ProductGroup> PatchProductGroupAsync(string storeId, string groupId, ProductGroupPatch patch, CancellationToken cancellationToken = default)
    {
        if (patch.IsEmpty) throw new ArgumentException("An empty patch changes nothing: set Name or ParentId.", nameof(patch));
        if (patch.ToTopLevel) return MoveProductGroupToTopAsync(storeId, groupId, patch.Name, cancellationToken);
        var body = new ProductGroupPatchBody { Name = patch.Name, ParentId = patch.ParentId };
        return WriteAsync(new HttpMethod("PATCH"), EvotorRoutes.ProductGroup(storeId, groupId), body, EvotorJsonContext.Default.ProductGroupPatchBody, EvotorJsonContext.Default.ProductGroup,
            sentItem: null, ct => GetProductGroupAsync(storeId, groupId, ct), cancellationToken);
    }

    /// <summary>Reads the group and stores it again without a parent (and with <paramref name="name"/> when given): Evotor
    /// sends no null, so a PATCH cannot clear parent_id.</summary>
    private async Task<ProductGroup> MoveProductGroupToTopAsync(string storeId, string groupId, string? name, CancellationToken cancellationToken)
    {
        var group = await GetProductGroupAsync(storeId, groupId, cancellationToken).ConfigureAwait(false);
        group.ParentId = null;
        if (name is not null) group.Name = name;
        return await PutProductGroupAsync(storeId, group, cancellationToken).ConfigureAwait(false);
    }

    public Task DeleteProductGroupAsync(string storeId, string groupId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.ProductGroup(storeId, groupId), cancellationToken);

    public Task DeleteProductGroupsAsync(string storeId, IReadOnlyList<string> groupIds, CancellationToken cancellationToken = default) =>
        DeleteManyAsync(EvotorRoutes.ProductGroups(storeId), groupIds, cancellationToken);

    /// <summary>A POST of one item: without a body in the answer, the item is read back from the Location, else it is
    /// the item as sent with the id the Location names.</summary>
    private Task<T> CreateAsync<T>(string path, T sent, JsonTypeInfo<T> type, string storeId, string what, CancellationToken cancellationToken)
        where T : EvotorEntity =>
        WriteAsync(HttpMethod.Post, path, sent, type, type, id => Stored(sent, storeId, id, what), readBack: null, cancellationToken);

    /// <summary>A PUT of one item under <paramref name="id"/>: without a body in the answer, the item as stored.</summary>
    private Task<T> PutAsync<T>(string path, T sent, string id, JsonTypeInfo<T> type, string storeId, string what, CancellationToken cancellationToken)
        where T : EvotorEntity =>
        WriteAsync(HttpMethod.Put, path, sent, type, type, _ => Stored(sent, storeId, id, what), readBack: null, cancellationToken);

    /// <summary>
    /// Sends one write and gives its result. Evotor may answer a successful write without a body (201 with a Location,
    /// 204, or the 200 its reference shows for PUT and PATCH): that is success, never an error and never a reason to send
    /// again. The result is then read back from a Location under the API (the token goes nowhere else), else from
    /// <paramref name="readBack"/>, else it is the item as sent with the id the Location names (<paramref name="sentItem"/>).
    /// </summary>
    private async Task<TResult> WriteAsync<TBody, TResult>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResult> resultType, Func<string?, TResult>? sentItem, Func<CancellationToken, Task<TResult>>? readBack, CancellationToken cancellationToken)
    {
        // Serialized once; each attempt sends the same bytes.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var request = new ApiRequest(method, path) { Content = () => JsonContent(bytes, MediaType) };
        var answer = await Transport.SendAsync(request, (r, ct) => ReadWriteAnswerAsync(r, resultType, ct), cancellationToken).ConfigureAwait(false);
        if (answer.HasBody) return answer.Value!;
        if (answer.Location is Uri location && ApiPath(location) is string readPath)
        {
            try
            {
                return await GetAsync(readPath, resultType, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException notYet) when (notYet.Kind == ApiErrorKind.NotFound && (sentItem is not null || readBack is not null))
            {
                // Not readable there (yet): what the write sent says as much.
            }
        }
        if (readBack is not null) return await readBack(cancellationToken).ConfigureAwait(false);
        return sentItem!(LastSegment(answer.Location));
    }

    private async Task<WriteAnswer<T>> ReadWriteAnswerAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        var bytes = await ResponseLimits.ReadAllAsync(response, MaxAnswerBytes, ServiceName, cancellationToken).ConfigureAwait(false);
        var location = response.Headers.Location is { } named ? new Uri(response.RequestMessage!.RequestUri!, named) : null;
        return JsonBody.IsEmpty(bytes)
            ? new WriteAnswer<T>(location)
            : new WriteAnswer<T>(JsonBody.Read(bytes, response, type, ServiceName, ReadNotes.For<T>(ServiceName, Transport.Observer)), location);
    }

    /// <summary>The path under the API's base URI that <paramref name="location"/> names, or null when it lies on another
    /// host (never asked with the token). A path outside the base's own path is read as relative to the API root, as
    /// Evotor writes them (<c>/resources/:id</c>).</summary>
    private string? ApiPath(Uri location)
    {
        var root = Connection.BaseUri;
        if (!string.Equals(location.GetLeftPart(UriPartial.Authority), root.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)) return null;
        var basePath = root.AbsolutePath.TrimEnd('/') + "/";
        var path = location.AbsolutePath;
        path = path.StartsWith(basePath, StringComparison.Ordinal) ? path.Substring(basePath.Length) : path.TrimStart('/');
        return path.Length == 0 ? null : Uri.UnescapeDataString(path);
    }

    /// <summary>The last segment of a Location (<c>/resources/:id</c> → the id), or null.</summary>
    internal static string? LastSegment(Uri? location)
    {
        var path = location?.AbsolutePath.TrimEnd('/');
        if (string.IsNullOrEmpty(path)) return null;
        var id = Uri.UnescapeDataString(path!.Substring(path.LastIndexOf('/') + 1));
        return id.Length == 0 ? null : id;
    }

    /// <summary>The item as it was sent, now in <paramref name="storeId"/> under <paramref name="id"/>; without an id a
    /// warning says the answer named none.</summary>
    private T Stored<T>(T sent, string storeId, string? id, string what) where T : EvotorEntity
    {
        if (id is null) Transport.Observer.OnWarning($"Evotor stored the {what} but answered without a body or a Location, so its id is not known here; list the store's items to find it.");
        switch (sent)
        {
            case Product p: p.Id = id ?? p.Id ?? ""; p.StoreId = storeId; break;
            case ProductGroup g: g.Id = id ?? g.Id ?? ""; g.StoreId = storeId; break;
        }
        return sent;
    }

    private Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        Transport.SendAsync(new ApiRequest(HttpMethod.Delete, path), static (_, _) => Task.FromResult(true), cancellationToken);

    private async Task DeleteManyAsync(string path, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        for (var start = 0; start < ids.Count; start += MaxIdsPerDelete)
        {
            var chunk = ids.Skip(start).Take(MaxIdsPerDelete).ToList();
            foreach (var id in chunk) EvotorRoutes.Segment(id); // refuse empty ids before anything is sent
            var request = new ApiRequest(HttpMethod.Delete, path).AddQuery("id", string.Join(",", chunk));
            await Transport.SendAsync(request, static (_, _) => Task.FromResult(true), cancellationToken).ConfigureAwait(false);
        }
    }

    internal static ByteArrayContent JsonContent(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static string RequireId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? throw new ArgumentException("Replacing needs the id to store it under.", nameof(id)) : id!;

    /// <summary>A copy without the read-only fields Evotor sets itself (and never takes back).</summary>
    private static Product Writable(Product p, bool keepId) => new()
    {
        Id = keepId ? p.Id : null!,
        ParentId = p.ParentId, Name = p.Name, Type = p.Type, MeasureName = p.MeasureName, Tax = p.Tax,
        AllowToSell = p.AllowToSell, Price = p.Price, CostPrice = p.CostPrice, Quantity = p.Quantity,
        Description = p.Description, ArticleNumber = p.ArticleNumber, Code = p.Code, Barcodes = p.Barcodes,
        AlcoCodes = p.AlcoCodes, AlcoholByVolume = p.AlcoholByVolume, AlcoholProductKindCode = p.AlcoholProductKindCode,
        TareVolume = p.TareVolume, AttributesChoices = p.AttributesChoices,
    };

    private static ProductGroup Writable(ProductGroup g, bool keepId) => new()
    {
        Id = keepId ? g.Id : null!,
        ParentId = g.ParentId, Name = g.Name, Barcodes = g.Barcodes, Attributes = Writable(g.Attributes),
    };

    /// <summary>Attributes and choices without the fields a read kept in Extra: only what Evotor takes is sent.</summary>
    private static ProductGroupAttributeList? Writable(ProductGroupAttributeList? attributes)
    {
        if (attributes is null) return null;
        var copy = new ProductGroupAttributeList();
        copy.AddRange(attributes.Select(a => new ProductGroupAttribute
        {
            Id = a.Id, Name = a.Name, Choices = a.Choices?.Select(c => new ProductGroupAttributeChoice { Id = c.Id, Name = c.Name }).ToList(),
        }));
        return copy;
    }
}
