using System.IO;
using System.Net.Http.Headers;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Input;
using ApiTools.Paging;

namespace ApiTools.Evotor;

// Product images: PNG, checked before upload. Evotor answers an image with its metadata and a URL to download it from;
// the bytes come from there, and the token never goes to a host other than the API's.
public sealed partial class EvotorClient
{
    /// <summary>Redirects followed for one image download (each hop decides its credentials afresh).</summary>
    internal const int MaxImageRedirects = 5;

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

    /// <summary>One image's metadata (with the URL of its bytes). A server that answers with the bytes themselves gets a
    /// model made from them: id, size and, for a PNG, width and height; no URL.</summary>
    public Task<ProductImage> GetProductImageAsync(string storeId, string productId, string imageId, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, EvotorRoutes.ProductImage(storeId, productId, imageId));
        return Transport.SendAsync(request, async (response, ct) =>
        {
            if (IsJson(response)) return await ReadJsonAsync(response, EvotorJsonContext.Default.ProductImage, ct).ConfigureAwait(false);
            var bytes = await ResponseLimits.ReadAllAsync(response, MaxImageBytes, ServiceName, ct).ConfigureAwait(false);
            return ImageFromBytes(imageId, productId, storeId, bytes);
        }, cancellationToken);
    }

    /// <summary>Writes the image's PNG bytes to <paramref name="destination"/>: from the URL its metadata names (another host
    /// is asked without the token), or from the answer itself when the server sends the bytes. Bytes that are not a PNG are
    /// refused (a ProtocolError) and nothing is written. Returns the file name the server gave, unsanitised (null if none).</summary>
    public async Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, CancellationToken cancellationToken = default)
    {
        var request = new ApiRequest(HttpMethod.Get, EvotorRoutes.ProductImage(storeId, productId, imageId)) { PassesRedirects = true };
        var answer = await Transport.SendAsync(request, (response, ct) => ReadImageAnswerAsync(response, ct), cancellationToken).ConfigureAwait(false);
        for (var hops = 0; answer.Next is Uri next; hops++)
        {
            if (hops > MaxImageRedirects)
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor image {imageId} of product {productId}: more than {MaxImageRedirects} redirects; nothing was written.");
            answer = await Transport.SendAsync(ImageRequest(next), (response, ct) => ReadImageAnswerAsync(response, ct), cancellationToken).ConfigureAwait(false);
        }
        var bytes = answer.Bytes!;
        if (!PngCheck.IsPng(bytes))
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                $"Evotor image {imageId} of product {productId} came as {answer.MediaType ?? "bytes of no stated type"} that are not a PNG image; nothing was written.");
        destination.Write(bytes, 0, bytes.Length);
        return answer.FileName;
    }

    public Task DeleteProductImageAsync(string storeId, string productId, string imageId, CancellationToken cancellationToken = default) =>
        DeleteAsync(EvotorRoutes.ProductImage(storeId, productId, imageId), cancellationToken);

    /// <summary>A request for <paramref name="uri"/>: with the token when it lies under the API's base URI (same scheme,
    /// host, port and path), otherwise as a request outside the API, without it.</summary>
    private ApiRequest ImageRequest(Uri uri)
    {
        var root = Connection.BaseUri.AbsoluteUri.TrimEnd('/') + "/";
        if (uri.AbsoluteUri.StartsWith(root, StringComparison.Ordinal))
        {
            var relative = new ApiRequest(HttpMethod.Get, Uri.UnescapeDataString(uri.AbsolutePath.Substring(new Uri(root).AbsolutePath.Length))) { PassesRedirects = true };
            foreach (var pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                relative.Query.Add(new KeyValuePair<string, string>(Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq)), eq < 0 ? "" : Uri.UnescapeDataString(pair.Substring(eq + 1))));
            }
            return relative;
        }
        var external = ApiRequest.External(uri);
        external.PassesRedirects = true;
        return external;
    }

    /// <summary>One answer on the way to an image: metadata or a redirect (where to go next), or the bytes.</summary>
    private async Task<ImageAnswer> ReadImageAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location
                ?? throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor {response.RequestMessage?.Method} answered {status} without a Location to follow.") { StatusCode = status };
            return new ImageAnswer(new Uri(response.RequestMessage!.RequestUri!, location), null, null, null);
        }
        if (IsJson(response))
        {
            var image = await ReadJsonAsync(response, EvotorJsonContext.Default.ProductImage, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(image.Url) || !Uri.TryCreate(response.RequestMessage!.RequestUri!, image.Url, out var url) || url.Scheme is not ("https" or "http"))
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor answered image {image.Id} with metadata but no URL to download it from; nothing was written.");
            return new ImageAnswer(url, null, null, null);
        }
        var bytes = await ResponseLimits.ReadAllAsync(response, MaxImageBytes, ServiceName, cancellationToken).ConfigureAwait(false);
        var disposition = response.Content.Headers.ContentDisposition;
        return new ImageAnswer(null, bytes, response.Content.Headers.ContentType?.MediaType, disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is string type && (type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static ProductImage ImageFromBytes(string imageId, string productId, string storeId, byte[] bytes)
    {
        var isPng = PngCheck.IsPng(bytes);
        PngCheck.Problem(bytes, out var width, out var height);
        return new ProductImage
        {
            Id = imageId,
            ProductId = productId,
            StoreId = storeId,
            Meta = new ProductImageMeta { FileSize = bytes.Length, Extension = isPng ? "png" : null, Width = isPng ? width : null, Height = isPng ? height : null },
        };
    }

    /// <param name="Next">Where to go next (metadata's URL or a redirect's Location); null when <paramref name="Bytes"/> came.</param>
    private sealed record ImageAnswer(Uri? Next, byte[]? Bytes, string? MediaType, string? FileName);
}
