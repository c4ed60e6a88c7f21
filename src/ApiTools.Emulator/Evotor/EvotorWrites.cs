using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Writes to one store's products, groups and images, shared by the HTTP handlers, bulk tasks and the
/// test-facing <see cref="EvotorSeed"/> API. Each runs under the store's gate: it validates against the
/// store as it is, then stores. Never calls back into <see cref="EvotorSeed"/> (bulk tasks finish while
/// the bulk lock is held, and that lock is always taken before a store's gate).
/// </summary>
internal static class EvotorWrites
{
    /// <summary>The outcome of a single write: the stored item, a 404, or the violations of a 400.</summary>
    public readonly record struct Result<T>(T? Value, List<Violation> Violations, bool NotFound = false) where T : class;

    /// <summary>POST (<paramref name="pathId"/> null: a new id) or PUT of one product.</summary>
    public static Result<SeedProduct> PutProduct(EvotorStoreData data, string? pathId, JsonElement body, DateTimeOffset now)
    {
        var violations = new List<Violation>();
        lock (data.Gate)
        {
            var id = EvotorValidation.IdOf(body, pathId, bodyIdRequired: false, violations);
            var existing = id is null ? null : data.Products.Find(id);
            var product = EvotorValidation.Product(body, id ?? "", existing, data, now, violations);
            if (violations.Count > 0 || product is null) return new(null, violations);
            data.Products.Upsert([product]);
            return new(product, violations);
        }
    }

    public static Result<SeedProduct> PatchProduct(EvotorStoreData data, string id, JsonElement body, DateTimeOffset now)
    {
        var violations = new List<Violation>();
        lock (data.Gate)
        {
            var existing = data.Products.Find(id);
            if (existing is null) return new(null, violations, NotFound: true);
            var product = EvotorValidation.PatchProduct(body, existing, now, violations);
            if (violations.Count > 0 || product is null) return new(null, violations);
            data.Products.Upsert([product]);
            return new(product, violations);
        }
    }

    /// <summary>Deletes products (and their images); missing ids are ignored. Returns how many went.</summary>
    public static int DeleteProducts(EvotorStoreData data, IReadOnlyCollection<string> ids)
    {
        lock (data.Gate)
        {
            var deleted = data.Products.Delete(ids);
            if (deleted > 0) data.Images.RemoveProducts(ids);
            return deleted;
        }
    }

    public static Result<SeedProductGroup> PutGroup(EvotorStoreData data, string? pathId, JsonElement body, DateTimeOffset now)
    {
        var violations = new List<Violation>();
        lock (data.Gate)
        {
            var id = EvotorValidation.IdOf(body, pathId, bodyIdRequired: false, violations);
            var existing = id is null ? null : data.FindGroup(id);
            var group = EvotorValidation.Group(body, id ?? "", existing, data, now, violations);
            if (violations.Count > 0 || group is null) return new(null, violations);
            data.GroupStore.Upsert(group);
            return new(group, violations);
        }
    }

    public static Result<SeedProductGroup> PatchGroup(EvotorStoreData data, string id, JsonElement body, DateTimeOffset now)
    {
        var violations = new List<Violation>();
        lock (data.Gate)
        {
            var existing = data.FindGroup(id);
            if (existing is null) return new(null, violations, NotFound: true);
            var group = EvotorValidation.PatchGroup(body, existing, data, now, violations);
            if (violations.Count > 0 || group is null) return new(null, violations);
            data.GroupStore.Upsert(group);
            return new(group, violations);
        }
    }

    /// <summary>
    /// Deletes groups; missing ids are ignored. Products and sub-groups under them keep their
    /// <c>parent_id</c> (the contract does not say what Evotor does; nothing cascades here).
    /// </summary>
    public static int DeleteGroups(EvotorStoreData data, IReadOnlyCollection<string> ids)
    {
        lock (data.Gate) return data.GroupStore.Delete(ids);
    }

    /// <summary>
    /// Runs a finished bulk task against the store: items in order, each checked as a single write would be
    /// (groups see the groups stored before them), the valid ones stored. COMPLETED when all were stored,
    /// DECLINED (no details) when none was, else FAILED with a detail per item.
    /// </summary>
    public static (string Status, IReadOnlyList<SeedBulkDetail>? Details) FinishBulk(BulkJob job, EvotorStoreData data, DateTimeOffset at)
    {
        var details = new List<SeedBulkDetail>(job.Items.Length);
        if (job.Outcome == "failed")
        {
            foreach (var item in job.Items)
                details.Add(new SeedBulkDetail { Error = new SeedBulkError("internal_error", "injected fault: item not processed", SentId(item, job) ?? "", []) });
            return ("FAILED", details);
        }

        var stored = 0;
        lock (data.Gate)
        {
            var products = new Dictionary<string, SeedProduct>(StringComparer.Ordinal);
            foreach (var item in job.Items)
            {
                var violations = new List<Violation>();
                var id = EvotorValidation.IdOf(item, null, job.ClientIds, violations);
                SeedBulkDetail detail;
                if (job.Groups)
                {
                    var group = EvotorValidation.Group(item, id ?? "", id is null ? null : data.FindGroup(id), data, at, violations);
                    if (violations.Count == 0 && group is not null) data.GroupStore.Upsert(group);
                    detail = violations.Count == 0 ? new SeedBulkDetail { ProductGroup = group } : Error(id ?? SentId(item, job), violations);
                }
                else
                {
                    var existing = id is null ? null : products.GetValueOrDefault(id) ?? data.Products.Find(id);
                    var product = EvotorValidation.Product(item, id ?? "", existing, data, at, violations);
                    if (violations.Count == 0 && product is not null) products[product.Id] = product;
                    detail = violations.Count == 0 ? new SeedBulkDetail { Product = product } : Error(id ?? SentId(item, job), violations);
                }
                if (detail.Error is null) stored++;
                details.Add(detail);
            }
            data.Products.Upsert(products.Values);
            data.CountBulkItems(stored);
        }
        return stored == job.Items.Length ? ("COMPLETED", details) : stored == 0 ? ("DECLINED", null) : ("FAILED", details);
    }

    private static SeedBulkDetail Error(string? id, List<Violation> violations) => new()
    {
        Error = new SeedBulkError("validation_failed", "validation failed for specified payload", id ?? "",
            [.. violations.Select(v => new SeedViolation(v.Reason, v.Subject))]),
    };

    /// <summary>The id an item carries, if it is a string (PUT items only; POST items get new ids).</summary>
    private static string? SentId(JsonElement item, BulkJob job) =>
        job.ClientIds && item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>What an image upload can come to.</summary>
    public readonly record struct ImageResult(SeedProductImage? Image, int Status, string? Reason);

    /// <summary>Checks and stores a product's image: 404 unknown product, 413 too many bytes, 400 not a PNG / too many pixels / one already there.</summary>
    public static ImageResult AddImage(EvotorStoreData data, string productId, string fileName, ReadOnlyMemory<byte> png, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(fileName)) return new(null, 400, "имя файла не должно быть пустым");
        if (fileName.Any(char.IsControl)) return new(null, 400, "имя файла не должно содержать управляющих символов");
        if (png.Length > EvotorPng.MaxBytes) return new(null, 413, $"размер файла должен быть не больше {EvotorPng.MaxBytes} байт");
        if (!EvotorPng.TryReadSize(png.Span, out var width, out var height)) return new(null, 400, "файл должен быть изображением PNG");
        if (width > EvotorPng.MaxSide || height > EvotorPng.MaxSide)
            return new(null, 400, $"изображение должно быть не больше {EvotorPng.MaxSide}×{EvotorPng.MaxSide} пикселей (получено {width}×{height})");
        lock (data.Gate)
        {
            if (data.Products.Find(productId) is null) return new(null, 404, $"product {productId} not found");
            var image = new SeedProductImage(EvotorValidation.NewId(), productId, data.StoreId, fileName, width, height, now, png.ToArray());
            return data.Images.TryAdd(image) ? new(image, 200, null) : new(null, 400, "у товара уже есть изображение: удалите его, чтобы загрузить новое");
        }
    }
}
