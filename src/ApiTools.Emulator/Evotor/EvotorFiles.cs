using ApiTools.Emulator.Infrastructure;

namespace ApiTools.Emulator.Evotor;

/// <summary>
/// Where image metadata's URLs point: the PNG bytes under <c>/evotor-files/{store}/{product}/{image}.png</c>, outside
/// the API (no token asked, none counted, no fault). Each request is recorded with whether it carried credentials, so
/// tests can prove a client never sends its Evotor token there.
/// </summary>
internal static class EvotorFiles
{
    public const string Prefix = "/evotor-files";

    public static void Map(IEndpointRouteBuilder app, EvotorSeed seed) =>
        app.MapGet(Prefix + "/{storeId}/{productId}/{file}", async context =>
        {
            var request = context.Request;
            seed.FileRequests.Enqueue(new SeedFileRequest(request.Path.Value!, request.Host.Host,
                request.Headers.ContainsKey("Authorization") || request.Headers.ContainsKey("X-Authorization")));
            var (storeId, productId, file) = ((string)request.RouteValues["storeId"]!, (string)request.RouteValues["productId"]!, (string)request.RouteValues["file"]!);
            var image = seed.ImageOf(storeId, productId);
            if (image is null || file != image.Id + ".png")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await Answer.WriteAsync(context, StatusCodes.Status200OK, "image/png", image.Content);
        });
}

/// <summary>One request for an image's file: its path, the host name it was sent to, and whether it carried credentials.</summary>
public sealed record SeedFileRequest(string Path, string Host, bool CarriedCredentials);
