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

    /// <summary>Creates a product; Evotor makes its id. Not retried where the server may have acted.</summary>
    public Task<Product> CreateProductAsync(string storeId, Product draft, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, EvotorRoutes.Products(storeId), Writable(draft, keepId: false), EvotorJsonContext.Default.Product, EvotorJsonContext.Default.Product, cancellationToken);

    /// <summary>Creates or replaces the product with the draft's id.</summary>
    public Task<Product> PutProductAsync(string storeId, Product draft, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, EvotorRoutes.Product(storeId, RequireId(draft.Id)), Writable(draft, keepId: true), EvotorJsonContext.Default.Product, EvotorJsonContext.Default.Product, cancellationToken);

    public Task<Product> PatchProductAsync(string storeId, string productId, ProductPatch patch, CancellationToken cancellationToken = default)
    {
        if (patch.IsEmpty) throw new ArgumentException("An empty patch changes nothing: set Price, Quantity or CostPrice.", nameof(patch));
        var body = new ProductPatchBody { Price = patch.Price, Quantity = patch.Quantity, CostPrice = patch.CostPrice };
        return SendJsonAsync(new HttpMethod("PATCH"), EvotorRoutes.Product(storeId, productId), body, EvotorJsonContext.Default.ProductPatchBody, EvotorJsonContext.Default.Product, cancellationToken);
    }

    public Task DeleteProductAsync(string storeId, string productId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.Product(storeId, productId), cancellationToken);

    /// <summary>Deletes many products with <c>DELETE ?id=a,b,c</c>, at most <see cref="MaxIdsPerDelete"/> ids a request.</summary>
    public Task DeleteProductsAsync(string storeId, IReadOnlyList<string> productIds, CancellationToken cancellationToken = default) =>
        DeleteManyAsync(EvotorRoutes.Products(storeId), productIds, cancellationToken);

    public Task<ProductGroup> CreateProductGroupAsync(string storeId, ProductGroup draft, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, EvotorRoutes.ProductGroups(storeId), Writable(draft, keepId: false), EvotorJsonContext.Default.ProductGroup, EvotorJsonContext.Default.ProductGroup, cancellationToken);

    public Task<ProductGroup> PutProductGroupAsync(string storeId, ProductGroup draft, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, EvotorRoutes.ProductGroup(storeId, RequireId(draft.Id)), Writable(draft, keepId: true), EvotorJsonContext.Default.ProductGroup, EvotorJsonContext.Default.ProductGroup, cancellationToken);

    public Task<ProductGroup> PatchProductGroupAsync(string storeId, string groupId, ProductGroupPatch patch, CancellationToken cancellationToken = default)
    {
        if (patch.IsEmpty) throw new ArgumentException("An empty patch changes nothing: set Name or ParentId.", nameof(patch));
        if (patch.ToTopLevel) return MoveProductGroupToTopAsync(storeId, groupId, patch.Name, cancellationToken);
        var body = new ProductGroupPatchBody { Name = patch.Name, ParentId = patch.ParentId };
        return SendJsonAsync(new HttpMethod("PATCH"), EvotorRoutes.ProductGroup(storeId, groupId), body, EvotorJsonContext.Default.ProductGroupPatchBody, EvotorJsonContext.Default.ProductGroup, cancellationToken);
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

    private Task<TResult> SendJsonAsync<TBody, TResult>(HttpMethod method, string path, TBody body, JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        // Serialized once; each attempt sends the same bytes.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        var request = new ApiRequest(method, path) { Content = () => JsonContent(bytes, MediaType) };
        return Transport.SendAsync(request, (r, ct) => ReadJsonAsync(r, resultType, ct), cancellationToken);
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
        ParentId = g.ParentId, Name = g.Name, Barcodes = g.Barcodes, Attributes = g.Attributes,
    };
}
