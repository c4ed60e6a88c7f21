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

    /// <summary>Writes the image's bytes to <paramref name="destination"/>; returns the file name the server gave, unsanitised
    /// (null if none). The first byte must come within the attempt timeout and the body may fall silent for at most as long;
    /// the whole body may take <paramref name="downloadTimeout"/> (default: the connection's <see cref="RetryOptions.DownloadTimeout"/>).
    /// A failure to write <paramref name="destination"/> is a <see cref="LocalFileException"/>, never retried.</summary>
    public Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, CancellationToken cancellationToken = default) =>
        DownloadProductImageAsync(storeId, productId, imageId, destination, null, cancellationToken);

    /// <inheritdoc cref="DownloadProductImageAsync(string, string, string, Stream, CancellationToken)"/>
    public Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, TimeSpan? downloadTimeout,
        CancellationToken cancellationToken = default)
    {
        if (downloadTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(downloadTimeout), downloadTimeout, "The download timeout must be positive.");
        var request = new ApiRequest(HttpMethod.Get, EvotorRoutes.ProductImage(storeId, productId, imageId))
        {
            BodyTimeout = downloadTimeout ?? Connection.Retry.DownloadTimeout,
        };
        var target = LocalFiles.Guard(destination, (destination as FileStream)?.Name ?? "the destination");
        var silence = Connection.Retry.AttemptTimeout;
        return Transport.SendAsync(request, async (response, ct) =>
        {
            // A retried attempt starts the file again rather than appending to a broken first half.
            if (destination.CanSeek) LocalFiles.Write((destination as FileStream)?.Name ?? "the destination", () => { destination.SetLength(0); destination.Position = 0; });
            using var stalled = CancellationTokenSource.CreateLinkedTokenSource(ct);
            try
            {
                using var body = new StallWatchStream(await ResponseLimits.OpenAsync(response, MaxImageBytes, ServiceName).ConfigureAwait(false), stalled, silence);
                await body.CopyToAsync(target, 81920, stalled.Token).ConfigureAwait(false);
                await target.FlushAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stalled.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new AttemptTimeoutException(silence); // the body fell silent: a repeat may fare better
            }
            var disposition = response.Content.Headers.ContentDisposition;
            return disposition?.FileNameStar ?? disposition?.FileName?.Trim('"');
        }, cancellationToken);
    }

    public Task DeleteProductImageAsync(string storeId, string productId, string imageId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.ProductImage(storeId, productId, imageId), cancellationToken);
}
