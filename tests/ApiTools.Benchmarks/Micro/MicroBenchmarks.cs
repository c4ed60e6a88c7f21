using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ApiTools.Benchmarks.Support;
using ApiTools.Emulator;
using ApiTools.Evotor;
using ApiTools.Evotor.Input;
using ApiTools.Evotor.Models;
using ApiTools.Input;
using BenchmarkDotNet.Attributes;

namespace ApiTools.Benchmarks.Micro;

/// <summary>
/// The per-item costs under the read and import rows, with BenchmarkDotNet (--micro only): one page of 1000
/// products parsed as the library's listing parses it (one checking pass, then each product by its hand-written
/// reader), by the library's source-generated context, and, for scale, by the raw loop's minimal DTO;
/// DecimalText.TryParse, and ProductInput.Read of an Import-Csv-like row.
/// </summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private byte[] _page = [];
    private JsonTypeInfo _libraryPage = null!;
    private Func<byte[], int, ApiTools.Paging.Page<Product>> _openListPage = null!;
    private KeyValuePair<string, object?>[] _row = [];

    [GlobalSetup]
    public void Setup()
    {
        // A real page as the emulator serves it: 1000 seeded products.
        var server = EmulatorServer.StartAsync(new EmulatorOptions { EvotorStores = 1, EvotorProductsPerStore = 1000 }).GetAwaiter().GetResult();
        try
        {
            using var http = new HttpClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HostedPowerShell.Token);
            _page = http.GetByteArrayAsync($"{server.EvotorBaseUri}/stores/{server.Evotor.Stores[0].Id}/products").GetAwaiter().GetResult();
        }
        finally
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        // EvotorJsonContext is internal to the library: its page type info is fetched once by reflection; the parse itself is the library's own.
        var context = typeof(EvotorClient).Assembly.GetType("ApiTools.Evotor.Serialization.EvotorJsonContext", throwOnError: true)!;
        var instance = context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        _libraryPage = (JsonTypeInfo)context.GetProperty("EvotorPageProduct", BindingFlags.Public | BindingFlags.Instance)!.GetValue(instance)!;
        // The listing's path: EvotorPageReader<Product>.Open (one pass: shape, count, item bounds, cursor) with ProductReader.Read per item.
        var library = typeof(EvotorClient).Assembly;
        var productInfo = context.GetProperty("Product", BindingFlags.Public | BindingFlags.Instance)!.GetValue(instance)!;
        var itemReadType = library.GetType("ApiTools.Evotor.Serialization.ItemRead`1", throwOnError: true)!.MakeGenericType(typeof(Product));
        var productReader = library.GetType("ApiTools.Evotor.Serialization.ProductReader", throwOnError: true)!;
        var open = library.GetType("ApiTools.Evotor.Serialization.EvotorPageReader`1", throwOnError: true)!.MakeGenericType(typeof(Product))
            .GetMethod("Open", BindingFlags.NonPublic | BindingFlags.Static)!;
        var request = new ApiTools.Http.ApiRequest(HttpMethod.Get, "stores/s/products");
        // One ProductReader per page, as the listing makes one per page.
        _openListPage = (buffer, length) => (ApiTools.Paging.Page<Product>)open.Invoke(null,
            [buffer, length, productInfo, Delegate.CreateDelegate(itemReadType, Activator.CreateInstance(productReader, nonPublic: true)!, "Read"), request])!;

        _row =
        [
            new("Id", "0b6b3c38-9f3e-4b8e-8b43-0a4f8f5d2c11"), new("StoreId", "20240101-0000-0000-0000-000000000001"), new("ParentId", ""),
            new("Name", "Молоко 3,2% 1 л"), new("Type", "NORMAL"), new("MeasureName", "шт"), new("Tax", "VAT_18"), new("AllowToSell", "True"),
            new("Price", "89,90"), new("CostPrice", "61.5"), new("Quantity", "12.000"), new("Description", "Пастеризованное"),
            new("ArticleNumber", "A-1001"), new("Code", "1001"), new("Barcodes", "4601234567890;4601234567891"), new("AlcoCodes", ""),
            new("AlcoholByVolume", ""), new("AlcoholProductKindCode", ""), new("TareVolume", ""), new("AttributesChoices", ""),
            new("UserId", "01-000000000001"), new("CreatedAt", "2024-01-01T00:00:00.0000000+00:00"), new("UpdatedAt", "2024-01-02T00:00:00.0000000+00:00"),
        ];
    }

    [Benchmark(Description = "page of 1000 products, library listing path (check pass + ProductReader)")]
    public int ParsePageListing()
    {
        // The page owns a pooled buffer, as in a listing; the copy (about 0.6 MB) is part of the figure.
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(_page.Length);
        _page.CopyTo(buffer, 0);
        return _openListPage(buffer, _page.Length).Items.Count;
    }

    [Benchmark(Description = "page of 1000 products, library context (Product)")]
    public object? ParsePageLibrary() => JsonSerializer.Deserialize(_page, _libraryPage);

    [Benchmark(Description = "page of 1000 products, raw minimal DTO")]
    public RawPage? ParsePageRaw() => JsonSerializer.Deserialize(_page, RawJsonContext.Default.RawPage);

    [Benchmark(Description = "DecimalText.TryParse x4")]
    public decimal DecimalTextTryParse()
    {
        decimal sum = 0;
        foreach (var text in DecimalInputs)
            if (DecimalText.TryParse(text, out var v)) sum += v;
        return sum;
    }

    [Benchmark(Description = "ProductInput.Read of an Import-Csv row")]
    public Product ProductInputRead() => ProductInput.Read(new InputFields(_row), "row 1", requireId: false);

    private static readonly string[] DecimalInputs = ["89,90", "1234567.89", "-0.5", "12 500"];
}
