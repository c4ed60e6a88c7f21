using System.Text.Json;
using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.Evotor;

// The write side: products and groups (single, PATCH, DELETE, +bulk) and product images.
internal sealed partial class EvotorEndpoints
{
    /// <summary>Largest bulk payload in items.</summary>
    public const int MaxBulkItems = 1000;

    /// <summary>Largest id list of DELETE …?id=.</summary>
    public const int MaxDeleteIds = 100;

    private void MapWrites(RouteGroupBuilder group)
    {
        MapItemWrites(group, "/stores/{storeId}/products", new ItemWrites<SeedProduct>("product", Groups: false,
            EvotorWrites.PutProduct, EvotorWrites.PatchProduct, EvotorWrites.DeleteProducts, EvotorJson.WriteProduct, p => p.Id));
        MapItemWrites(group, "/stores/{storeId}/product-groups", new ItemWrites<SeedProductGroup>("product group", Groups: true,
            EvotorWrites.PutGroup, EvotorWrites.PatchGroup, EvotorWrites.DeleteGroups, EvotorJson.WriteProductGroup, g => g.Id));
    }

    /// <summary>What products and product groups each bring to the one set of writes they share.</summary>
    private sealed record ItemWrites<T>(
        string What,
        bool Groups,
        Func<EvotorStoreData, string?, JsonElement, DateTimeOffset, EvotorWrites.Result<T>> Put,
        Func<EvotorStoreData, string, JsonElement, DateTimeOffset, EvotorWrites.Result<T>> Patch,
        Func<EvotorStoreData, IReadOnlyCollection<string>, int> Delete,
        Action<Utf8JsonWriter, T, EvotorStyle> Write,
        Func<T, string> IdOf) where T : class;

    /// <summary>
    /// POST and PUT on the collection (+bulk arrays: 202 and a task; POST also one object), PUT and PATCH of one item,
    /// DELETE of one item or of an id list. The templates are the route keys (<see cref="EvotorRouteKeys"/>).
    /// </summary>
    private void MapItemWrites<T>(RouteGroupBuilder group, string collection, ItemWrites<T> item) where T : class
    {
        var one = collection + "/{id}";
        group.MapPost(collection, context => InStore(context, data => CollectionWriteAsync(context, data, item, put: false)));
        group.MapPut(collection, context => InStore(context, data => CollectionWriteAsync(context, data, item, put: true)));
        group.MapPut(one, context => InStore(context, data =>
            JsonWriteAsync(context, body => item.Put(data, Route(context, "id"), body, EvotorSeed.Now()), item)));
        group.MapPatch(one, context => InStore(context, data =>
            JsonWriteAsync(context, body => item.Patch(data, Route(context, "id"), body, EvotorSeed.Now()), item)));
        group.MapDelete(one, context => InStore(context, data =>
            item.Delete(data, [Route(context, "id")]) > 0 ? NoContent(context) : NotFound(context, item.What, Route(context, "id"))));
        group.MapDelete(collection, context => InStore(context, data => DeleteListAsync(context, ids => item.Delete(data, ids))));
    }

    private void MapImages(RouteGroupBuilder group)
    {
        group.MapPost("/stores/{storeId}/products/{productId}/images", context => InProduct(context, (data, _) => UploadImageAsync(context, data)));
        group.MapGet("/stores/{storeId}/products/{productId}/images", context => InProduct(context, (data, productId) =>
        {
            IReadOnlyList<SeedProductImage> images = data.Images.OfProduct(productId) is { } image ? [image] : [];
            return EvotorPaging.WritePageAsync(context, images, i => i.Id, ImageWriter(context), settings.MaxPageSize);
        }));
        group.MapGet("/stores/{storeId}/products/{productId}/images/{id}", context => InProduct(context, (data, productId) =>
        {
            var image = data.Images.OfProduct(productId);
            if (image is null || image.Id != Route(context, "id")) return NotFound(context, "image", Route(context, "id"));
            return settings.EvotorImageAnswer == EvotorImageAnswer.Metadata
                ? EvotorJson.WriteAsync(context, 200, w => ImageWriter(context)(w, image))
                : WriteImageBytesAsync(context, image);
        }));
        group.MapDelete("/stores/{storeId}/products/{productId}/images/{id}", context => InProduct(context, (data, productId) =>
            data.Images.Remove(productId, Route(context, "id")) ? NoContent(context) : NotFound(context, "image", Route(context, "id"))));
    }

    /// <summary>POST/PUT on a collection: +bulk → a task; POST with one object → that object stored.</summary>
    private async Task CollectionWriteAsync<T>(HttpContext context, EvotorStoreData data, ItemWrites<T> item, bool put) where T : class
    {
        var kind = EvotorBody.KindOf(context.Request);
        if (kind == EvotorBody.Kind.Bulk)
        {
            await BulkAsync(context, data, item.Groups, put);
            return;
        }
        if (kind != EvotorBody.Kind.Json || put)
        {
            await EvotorBody.BadRequestAsync(context, put
                ? $"PUT на коллекцию принимает только {EvotorBody.BulkJson}"
                : $"ожидается {EvotorBody.Json}, {EvotorBody.BulkJson} или application/json", "content-type");
            return;
        }
        var body = await EvotorBody.ReadJsonAsync(context);
        if (body is null) return;
        if (body.Value.ValueKind == JsonValueKind.Array)
        {
            await EvotorBody.BadRequestAsync(context, $"массив принимается только с Content-Type {EvotorBody.BulkJson}", "body");
            return;
        }
        await RespondAsync(context, item.Put(data, null, body.Value, EvotorSeed.Now()), item);
    }

    /// <summary>PUT or PATCH of one item: a JSON body (one object), then the write.</summary>
    private async Task JsonWriteAsync<T>(HttpContext context, Func<JsonElement, EvotorWrites.Result<T>> write, ItemWrites<T> item) where T : class
    {
        if (EvotorBody.KindOf(context.Request) != EvotorBody.Kind.Json)
        {
            await EvotorBody.BadRequestAsync(context, $"ожидается {EvotorBody.Json} или application/json", "content-type");
            return;
        }
        var body = await EvotorBody.ReadJsonAsync(context);
        if (body is null) return;
        await RespondAsync(context, write(body.Value), item);
    }

    private Task RespondAsync<T>(HttpContext context, EvotorWrites.Result<T> result, ItemWrites<T> item) where T : class
    {
        if (result.NotFound) return NotFound(context, item.What, Route(context, "id"));
        if (result.Value is null) return EvotorBody.BadRequestAsync(context, result.Violations);
        var style = Style;
        var answer = settings.EvotorWriteAnswer;
        if (answer == EvotorWriteAnswer.Body) return EvotorJson.WriteAsync(context, 200, w => item.Write(w, result.Value, style));
        // No body: 201 or 204 with the item's Location, or the 200 the reference shows for PUT and PATCH.
        if (answer != EvotorWriteAnswer.Empty) context.Response.Headers.Location = ItemLocation(context, item.IdOf(result.Value));
        context.Response.StatusCode = answer switch
        {
            EvotorWriteAnswer.Created => StatusCodes.Status201Created,
            EvotorWriteAnswer.NoContent => StatusCodes.Status204NoContent,
            _ => StatusCodes.Status200OK,
        };
        context.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>Where a written item lives: its collection's path and its id (the collection is the route without a trailing id).</summary>
    private static string ItemLocation(HttpContext context, string id)
    {
        var path = context.Request.Path.Value!.TrimEnd('/');
        var collection = context.Request.RouteValues.ContainsKey("id") ? path[..path.LastIndexOf('/')] : path;
        return $"{context.Request.PathBase}{collection}/{Uri.EscapeDataString(id)}";
    }

    /// <summary>
    /// A +bulk request: a JSON array of 1..1000 objects (else 400; over 10 MB 413). The task is accepted
    /// at once (202, status ACCEPTED); its items are checked and stored when it finishes.
    /// </summary>
    private async Task BulkAsync(HttpContext context, EvotorStoreData data, bool groups, bool put)
    {
        var body = await EvotorBody.ReadJsonAsync(context);
        if (body is null) return;
        var root = body.Value;
        string? problem = root.ValueKind != JsonValueKind.Array ? "ожидается JSON-массив объектов"
            : root.GetArrayLength() is < 1 or > MaxBulkItems ? $"размер должен находиться в диапазоне от 1 до {MaxBulkItems}"
            : root.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.Object) ? "каждый элемент массива должен быть JSON-объектом"
            : null;
        if (problem is not null)
        {
            await EvotorBody.BadRequestAsync(context, problem, "body");
            return;
        }

        var now = EvotorSeed.Now();
        var task = new SeedBulkTask(EvotorValidation.NewId(), now, "ACCEPTED", groups ? "product-group" : "product", null);
        var outcome = context.Features.Get<Infrastructure.BulkOutcomeFault>()?.Outcome;
        seed.Bulks.Accept(new BulkJob(task, data.StoreId, clientIds: put, [.. root.EnumerateArray()], now, outcome));
        var style = Style;
        if (settings.EvotorWriteAnswer == EvotorWriteAnswer.Body)
        {
            // The contract's Location is "/bulks/{id}" from the API root; here the root is /evotor.
            context.Response.Headers.Location = $"/evotor/bulks/{task.Id}";
            await EvotorJson.WriteAsync(context, 202, w => EvotorJson.WriteBulkTask(w, task, style));
            return;
        }
        // The overview's form: no body, the task named by "Location: /resource-tasks/:task-id".
        context.Response.Headers.Location = $"/evotor/resource-tasks/{task.Id}";
        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.ContentLength = 0;
    }

    /// <summary>DELETE …?id=a,b,c: 1..100 ids (400 on <c>id</c> otherwise); missing ones are ignored; 204.</summary>
    private static Task DeleteListAsync(HttpContext context, Func<IReadOnlyCollection<string>, int> delete)
    {
        var ids = context.Request.Query["id"]
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return EvotorBody.BadRequestAsync(context, EvotorValidation.Required, "id");
        if (ids.Count > MaxDeleteIds)
            return EvotorBody.BadRequestAsync(context, $"можно указать не больше {MaxDeleteIds} идентификаторов (указано {ids.Count})", "id");
        delete(ids);
        return NoContent(context);
    }

    private async Task UploadImageAsync(HttpContext context, EvotorStoreData data)
    {
        if (EvotorBody.KindOf(context.Request) != EvotorBody.Kind.Multipart)
        {
            await EvotorBody.BadRequestAsync(context, "ожидается multipart/form-data с полем datafile", "content-type");
            return;
        }
        var bytes = await EvotorBody.ReadAsync(context);
        if (bytes is null) return;
        var file = await EvotorBody.ReadFormFileAsync(context, bytes, "datafile");
        if (file is null)
        {
            await EvotorBody.BadRequestAsync(context, EvotorValidation.Required, "datafile");
            return;
        }
        var result = EvotorWrites.AddImage(data, Route(context, "productId"), file.Value.FileName, file.Value.Content, EvotorSeed.Now());
        await (result.Status switch
        {
            200 => EvotorJson.WriteAsync(context, 200, w => ImageWriter(context)(w, result.Image!)),
            404 => NotFound(context, "product", Route(context, "productId")),
            413 => EvotorJson.WriteErrorAsync(context, 413, "payload_too_large", "payload too large", [new(result.Reason!, "datafile")]),
            _ => EvotorBody.BadRequestAsync(context, result.Reason!, "datafile"),
        });
    }

    private static Task WriteImageBytesAsync(HttpContext context, SeedProductImage image)
    {
        context.Response.Headers.ContentDisposition = EvotorBody.Attachment(image.Name);
        return Answer.WriteAsync(context, 200, "image/png", image.Content);
    }

    /// <summary>Writes an image's metadata, its URL pointing at this emulator under another host name (127.0.0.1 and
    /// localhost swapped), as Evotor's images live on another host than its API.</summary>
    private Action<Utf8JsonWriter, SeedProductImage> ImageWriter(HttpContext context)
    {
        var request = context.Request;
        var host = request.Host.Host is "127.0.0.1" ? "localhost" : "127.0.0.1";
        var files = $"{request.Scheme}://{host}:{request.Host.Port}{EvotorFiles.Prefix}";
        var userId = seed.UserId;
        return (w, image) => EvotorJson.WriteImage(w, image, userId, $"{files}/{image.StoreId}/{image.ProductId}/{image.Id}.png");
    }

    /// <summary>Runs a product-scoped handler, or answers 404 for an unknown store or product.</summary>
    private Task InProduct(HttpContext context, Func<EvotorStoreData, string, Task> handler) => InStore(context, data =>
    {
        var productId = Route(context, "productId");
        return data.Products.Find(productId) is null ? NotFound(context, "product", productId) : handler(data, productId);
    });

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
