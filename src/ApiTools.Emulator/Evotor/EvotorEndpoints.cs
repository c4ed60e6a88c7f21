using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor's routes, relative to the /evotor group. Auth, throttling, latency and faults have already
/// run when a handler starts (see <see cref="Infrastructure.ServiceRequestMiddleware"/>).
/// </summary>
internal sealed partial class EvotorEndpoints(EvotorSeed seed, EmulatorSettings settings, bool unknownFields)
{
    public void Map(RouteGroupBuilder group)
    {
        // Untyped lambdas bind the RequestDelegate overloads: no parameter binding, the handler owns the response.
        // Templates here become route keys ("GET /evotor/stores/{id}"): keep them as EvotorRouteKeys writes them.
        group.MapGet("/stores", ListStoresAsync);
        group.MapGet("/stores/{id}", GetStoreAsync);
        group.MapGet("/devices", context => Page(context, seed.Devices, d => d.Id, EvotorJson.WriteDevice));
        group.MapGet("/devices/{id}", context => One(context, "device", seed.FindDevice(Route(context, "id")), EvotorJson.WriteDevice));
        group.MapGet("/employees", context => Page(context, seed.Employees, e => e.Id, EvotorJson.WriteEmployee));
        group.MapGet("/employees/{id}", context => One(context, "employee", seed.FindEmployee(Route(context, "id")), EvotorJson.WriteEmployee));
        group.MapGet("/stores/{storeId}/documents", context => InStore(context, data =>
            Page(context, data.Documents, d => d.Id, EvotorJson.WriteDocument, EvotorFilters.Documents)));
        group.MapGet("/stores/{storeId}/documents/{id}", context => InStore(context, data =>
            One(context, "document", data.FindDocument(Route(context, "id")), EvotorJson.WriteDocument)));
        group.MapGet("/stores/{storeId}/devices/{deviceId}/documents", context => InStore(context, data =>
        {
            var deviceId = Route(context, "deviceId");
            return data.Devices.Any(d => d.Id == deviceId)
                ? Page(context, data.Documents, d => d.Id, EvotorJson.WriteDocument, EvotorFilters.Documents, d => d.DeviceId == deviceId)
                : NotFound(context, "device", deviceId);
        }));
        group.MapGet("/stores/{storeId}/products", context => InStore(context, data =>
            EvotorPaging.WritePageAsync(context, data.Products.Snapshot(), Writer<SeedProduct>(EvotorJson.WriteProduct), settings.MaxPageSize, EvotorFilters.Products)));
        group.MapGet("/stores/{storeId}/products/{id}", context => InStore(context, data =>
            One(context, "product", data.Products.Find(Route(context, "id")), EvotorJson.WriteProduct)));
        group.MapGet("/stores/{storeId}/product-groups", context => InStore(context, data =>
            Page(context, data.Groups, g => g.Id, EvotorJson.WriteProductGroup)));
        group.MapGet("/stores/{storeId}/product-groups/{id}", context => InStore(context, data =>
            One(context, "product group", data.FindGroup(Route(context, "id")), EvotorJson.WriteProductGroup)));
        group.MapGet("/bulks", context => Page(context, seed.BulkTasks, t => t.Id, EvotorJson.WriteBulkTask, EvotorFilters.Bulks));
        group.MapGet("/bulks/{id}", context => One(context, "bulk task", seed.FindBulkTask(Route(context, "id")), EvotorJson.WriteBulkTask));
        MapWrites(group);
        MapImages(group);
        // Anything else under /evotor still passes auth and counting, then gets Evotor's 404 body.
        group.Map("/{**path}", NotFoundAsync);
    }

    private Task ListStoresAsync(HttpContext context) =>
        Page(context, seed.Stores, s => s.Id, EvotorJson.WriteStore);

    private Task GetStoreAsync(HttpContext context) =>
        One(context, "store", seed.FindStore(Route(context, "id")), EvotorJson.WriteStore);

    private Task Page<T>(HttpContext context, IReadOnlyList<T> items, Func<T, string> idOf, Action<Utf8JsonWriter, T, EvotorStyle> write,
        PageFilter<T>? filter = null, Func<T, bool>? scope = null) =>
        EvotorPaging.WritePageAsync(context, items, idOf, Writer(write), settings.MaxPageSize, filter, scope);

    private Action<Utf8JsonWriter, T> Writer<T>(Action<Utf8JsonWriter, T, EvotorStyle> write)
    {
        var style = Style; // one answer, one style, whatever a live setting does meanwhile
        return (writer, item) => write(writer, item, style);
    }

    /// <summary>How answers are written now: the unknown field if on, the live choice of shapes.</summary>
    private EvotorStyle Style => new(unknownFields, settings.EvotorShapes == EvotorShapes.Documentation);

    private Task One<T>(HttpContext context, string what, T? item, Action<Utf8JsonWriter, T, EvotorStyle> write) where T : class
    {
        var style = Style;
        return item is null
            ? NotFound(context, what, Route(context, "id"))
            : EvotorJson.WriteAsync(context, 200, writer => write(writer, item, style));
    }

    /// <summary>Runs a store-scoped handler, or answers 404 for an unknown store.</summary>
    private Task InStore(HttpContext context, Func<EvotorStoreData, Task> handler)
    {
        var storeId = Route(context, "storeId");
        var data = seed.Data(storeId);
        return data is null ? NotFound(context, "store", storeId) : handler(data);
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static Task NotFound(HttpContext context, string what, string id) =>
        EvotorJson.WriteErrorAsync(context, 404, "not_found", $"{what} {id} not found");

    private static Task NotFoundAsync(HttpContext context) =>
        EvotorJson.WriteErrorAsync(context, 404, "not_found", $"no resource at {context.Request.Path}");
}
