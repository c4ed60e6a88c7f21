using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;

namespace ApiTools.Benchmarks.Support;

/// <summary>
/// The reference every read row is compared with: what a careful developer writes by hand. One HttpClient,
/// GET a page, deserialize it (System.Text.Json, source-generated) into a minimal DTO, follow
/// <c>paging.next_cursor</c>, strictly one page after the other: no prefetch, no retry, no rate limiter.
/// <see cref="ReadProductModelsAsync"/> is the same loop parsing each page into the library's own
/// <see cref="Product"/> model (P1's "same model" reference), so that a comparison with it leaves the
/// library's plumbing (transport, limiter, retry pipeline, pager) and not the parse.
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
    public Task<long> ReadProductsAsync(string storeId, Func<RawProduct, ValueTask>? consume = null, CancellationToken cancellationToken = default) =>
        ReadPagesAsync(storeId, RawJsonContext.Default.RawPage, p => (p?.Items, p?.Paging?.NextCursor), consume, cancellationToken);

    /// <summary>
    /// The same loop, each page deserialised into the library's public <see cref="Product"/> model: a source-generated
    /// context of this project with the library's options (snake_case_lower, <see cref="EvotorTimestampConverter"/>),
    /// so the per-item parse is the code the library's own (internal) context runs.
    /// </summary>
    public Task<long> ReadProductModelsAsync(string storeId, Func<Product, ValueTask>? consume = null, CancellationToken cancellationToken = default) =>
        ReadPagesAsync(storeId, SameModelJsonContext.Default.SameModelPage, p => (p?.Items, p?.Paging?.NextCursor), consume, cancellationToken);

    private async Task<long> ReadPagesAsync<TPage, TItem>(string storeId, JsonTypeInfo<TPage> pageType, Func<TPage?, (List<TItem>? Items, string? Next)> parts,
        Func<TItem, ValueTask>? consume, CancellationToken cancellationToken)
    {
        long count = 0;
        string? cursor = null;
        for (var pages = 0; pages < 1_000_000; pages++) // bounded: a broken cursor chain cannot loop forever
        {
            var url = $"{_base}/stores/{Uri.EscapeDataString(storeId)}/products" + (cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            TPage? page;
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
                page = await JsonSerializer.DeserializeAsync(body, pageType, cancellationToken).ConfigureAwait(false);
            var (items, next) = parts(page);
            items ??= [];
            if (consume is null) count += items.Count;
            else
                foreach (var item in items)
                {
                    count++;
                    await consume(item).ConfigureAwait(false);
                }
            cursor = next;
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

/// <summary>The library's page shape, <c>{"items":[…],"paging":{"next_cursor":…}}</c>, over the library's public <see cref="Product"/>.</summary>
public sealed class SameModelPage
{
    public List<Product>? Items { get; set; }
    public RawPaging? Paging { get; set; }
}

/// <summary>The options of the library's internal EvotorJsonContext, source-generated here for <see cref="SameModelPage"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = new[] { typeof(EvotorTimestampConverter) })]
[JsonSerializable(typeof(SameModelPage))]
public sealed partial class SameModelJsonContext : JsonSerializerContext;
