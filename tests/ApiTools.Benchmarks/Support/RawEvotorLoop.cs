using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// The reference every read row is compared with: what a careful developer writes by hand. One HttpClient,
/// GET a page, deserialize it (System.Text.Json, source-generated) into a minimal DTO, follow
/// <c>paging.next_cursor</c>, strictly one page after the other: no prefetch, no retry, no rate limiter.
/// </summary>
public sealed class RawEvotorLoop : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _base;

    public RawEvotorLoop(Uri evotorBaseUri, string token)
    {
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.evotor.v2+json"));
        _base = evotorBaseUri.AbsoluteUri.TrimEnd('/');
    }

    /// <summary>Reads every page of a store's products; <paramref name="consume"/> (optional) sees each item after its page arrived.</summary>
    public async Task<long> ReadProductsAsync(string storeId, Func<RawProduct, ValueTask>? consume = null, CancellationToken cancellationToken = default)
    {
        long count = 0;
        string? cursor = null;
        for (var pages = 0; pages < 1_000_000; pages++) // bounded: a broken cursor chain cannot loop forever
        {
            var url = $"{_base}/stores/{Uri.EscapeDataString(storeId)}/products" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            RawPage? page;
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                page = await JsonSerializer.DeserializeAsync(body, RawJsonContext.Default.RawPage, cancellationToken).ConfigureAwait(false);
            var items = page?.Items ?? [];
            if (consume is null) count += items.Count;
            else
                foreach (var item in items)
                {
                    count++;
                    await consume(item).ConfigureAwait(false);
                }
            cursor = page?.Paging?.NextCursor;
            if (string.IsNullOrEmpty(cursor)) return count;
        }
        throw new InvalidOperationException("More than a million pages: the cursor chain does not end.");
    }

    public void Dispose() => _http.Dispose();
}

public sealed class RawPage
{
    public List<RawProduct>? Items { get; set; }
    public RawPaging? Paging { get; set; }
}

public sealed class RawPaging
{
    public string? NextCursor { get; set; }
}

/// <summary>The minimal DTO: what a hand-written script would keep of a product.</summary>
public sealed class RawProduct
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public decimal? Price { get; set; }
    public decimal? Quantity { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RawPage))]
public sealed partial class RawJsonContext : JsonSerializerContext;
