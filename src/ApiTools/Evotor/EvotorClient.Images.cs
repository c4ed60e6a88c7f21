using System.IO;
using System.Net.Http.Headers;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Input;
using ApiTools.Paging;

namespace ApiTools.Evotor;

// Product images: PNG, checked before upload; downloads go to a stream the caller opens.
public sealed partial class EvotorClient
{
    /// <summary>Uploads a PNG as the product's image (multipart field <c>datafile</c>), after checking type, pixels and size.</summary>
    public Task<ProductImage> AddProductImageAsync(string storeId, string productId, byte[] png, string fileName, CancellationToken cancellationToken = default)
    {
        var problem = PngCheck.Problem(png, out _, out _);
        if (problem is not null)
            throw new ApiValidationException(ServiceName, $"The image '{fileName}' {problem}; nothing was sent.", new[] { new ApiViolation("Path", problem) })
            { ErrorCode = "client_validation" };
        var request = new ApiRequest(HttpMethod.Post, EvotorRoutes.ProductImages(storeId, productId))
        {
            Content = () =>
            {
                var file = new ByteArrayContent(png);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                var form = new MultipartFormDataContent { { file, "datafile", fileName } };
                return form;
            },
        };
        return Transport.SendAsync(request, (r, ct) => ReadJsonAsync(r, EvotorJsonContext.Default.ProductImage, ct), cancellationToken);
    }

    public IAsyncEnumerable<ProductImage> GetProductImagesAsync(string storeId, string productId, PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.ProductImages(storeId, productId), null, range, EvotorJsonContext.Default.ProductImage, cancellationToken);

    /// <summary>Writes the image's bytes to <paramref name="destination"/>; returns the file name the server gave, unsanitised (null if none).</summary>
    public Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, EvotorRoutes.ProductImage(storeId, productId, imageId));
        return Transport.SendAsync(request, async (response, ct) =>
        {
            // A retried attempt starts the file again rather than appending to a broken first half.
            if (destination.CanSeek) { destination.SetLength(0); destination.Position = 0; }
            using var body = await ResponseLimits.OpenAsync(response, MaxImageBytes, ServiceName).ConfigureAwait(false);
            await body.CopyToAsync(destination, 81920, ct).ConfigureAwait(false);
            var disposition = response.Content.Headers.ContentDisposition;
            return disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        }, cancellationToken);
    }

    public Task DeleteProductImageAsync(string storeId, string productId, string imageId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.ProductImage(storeId, productId, imageId), cancellationToken);
}
