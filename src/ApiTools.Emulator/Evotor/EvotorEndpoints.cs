namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Evotor's routes, relative to the /evotor group. Auth, throttling, latency and faults have already
/// run when a handler starts (see <see cref="Infrastructure.ServiceRequestMiddleware"/>).
/// </summary>
internal sealed class EvotorEndpoints(EvotorSeed seed, EmulatorSettings settings, bool unknownFields)
{
    public void Map(RouteGroupBuilder group)
    {
        // Untyped lambdas bind the RequestDelegate overloads: no parameter binding, the handler owns the response.
        // Templates here become route keys ("GET /evotor/stores/{id}"): keep them as the contract writes them.
        group.MapGet("/stores", context => ListStoresAsync(context));
        group.MapGet("/stores/{id}", context => GetStoreAsync(context));
        // Anything else under /evotor still passes auth and counting, then gets Evotor's 404 body.
        group.Map("/{**path}", context => NotFoundAsync(context));
    }

    private Task ListStoresAsync(HttpContext context) =>
        EvotorPaging.WritePageAsync(context, seed.Stores, static s => s.Id,
            (writer, store) => EvotorJson.WriteStore(writer, store, unknownFields), settings.MaxPageSize);

    private Task GetStoreAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["id"]!;
        var store = seed.FindStore(id);
        return store is null
            ? EvotorJson.WriteErrorAsync(context, 404, "not_found", $"store {id} not found")
            : EvotorJson.WriteAsync(context, 200, writer => EvotorJson.WriteStore(writer, store, unknownFields));
    }

    private static Task NotFoundAsync(HttpContext context) =>
        EvotorJson.WriteErrorAsync(context, 404, "not_found", $"no resource at {context.Request.Path}");
}
