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
    /// refused (a ProtocolError) and nothing is written. Returns the file name the server gave, unsanitised (null if none).
    /// <para>Each answer's first byte must come within the attempt timeout and its body may fall silent for at most as long;
    /// the whole body may take <paramref name="downloadTimeout"/> (default: the connection's <see cref="RetryOptions.DownloadTimeout"/>).
    /// A failure to write <paramref name="destination"/> is a <see cref="LocalFileException"/>, never retried.</para></summary>
    public Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, CancellationToken cancellationToken = default) =>
        DownloadProductImageAsync(storeId, productId, imageId, destination, null, cancellationToken);

    /// <inheritdoc cref="DownloadProductImageAsync(string, string, string, Stream, CancellationToken)"/>
    public async Task<string?> DownloadProductImageAsync(string storeId, string productId, string imageId, Stream destination, TimeSpan? downloadTimeout,
        CancellationToken cancellationToken = default)
    {
        if (downloadTimeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(downloadTimeout), downloadTimeout, "The download timeout must be positive.");
        var bodyTimeout = downloadTimeout ?? Connection.Retry.DownloadTimeout;
        var request = new ApiRequest(HttpMethod.Get, EvotorRoutes.ProductImage(storeId, productId, imageId)) { PassesRedirects = true, BodyTimeout = bodyTimeout };
        var answer = await Transport.SendAsync(request, (response, ct) => ReadImageAnswerAsync(response, ct), cancellationToken).ConfigureAwait(false);
        for (var hops = 0; answer.Next is Uri next; hops++)
        {
            if (hops > MaxImageRedirects)
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor image {imageId} of product {productId}: more than {MaxImageRedirects} redirects; nothing was written.");
            var hop = ImageRequest(next);
            hop.BodyTimeout = bodyTimeout;
            answer = await Transport.SendAsync(hop, (response, ct) => ReadImageAnswerAsync(response, ct), cancellationToken).ConfigureAwait(false);
        }
        var bytes = answer.Bytes!;
        if (!PngCheck.IsPng(bytes))
            throw new ApiException(ServiceName, ApiErrorKind.ProtocolError,
                $"Evotor image {imageId} of product {productId} came as {answer.MediaType ?? "bytes of no stated type"} that are not a PNG image; nothing was written.");
        var target = LocalFiles.Guard(destination, (destination as FileStream)?.Name ?? "the destination");
        await target.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
        await target.FlushAsync(cancellationToken).ConfigureAwait(false);
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
        var body = await ReadWatchedAsync(response, IsJson(response) ? MaxAnswerBytes : MaxImageBytes, cancellationToken).ConfigureAwait(false);
        if (IsJson(response))
        {
            var image = JsonBody.Read(body, response, EvotorJsonContext.Default.ProductImage, ServiceName, ReadNotes.For<ProductImage>(ServiceName, Transport.Observer));
            if (string.IsNullOrEmpty(image.Url) || !Uri.TryCreate(response.RequestMessage!.RequestUri!, image.Url, out var url) || url.Scheme is not ("https" or "http"))
                throw new ApiException(ServiceName, ApiErrorKind.ProtocolError, $"Evotor answered image {image.Id} with metadata but no URL to download it from; nothing was written.");
            return new ImageAnswer(url, null, null, null);
        }
        var disposition = response.Content.Headers.ContentDisposition;
        return new ImageAnswer(null, body, response.Content.Headers.ContentType?.MediaType, disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
    }

    /// <summary>The whole body, up to <paramref name="limit"/> bytes; a body that falls silent for an attempt timeout is
    /// cut off (retried like a silent server), whatever time its request gives the whole body.</summary>
    private async Task<byte[]> ReadWatchedAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        var silence = Connection.Retry.AttemptTimeout;
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            using var body = new StallWatchStream(await ResponseLimits.OpenAsync(response, limit, ServiceName).ConfigureAwait(false), stalled, silence);
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, 81920, stalled.Token).ConfigureAwait(false);
            return copy.ToArray();
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AttemptTimeoutException(silence); // the body fell silent: a repeat may fare better
        }
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
