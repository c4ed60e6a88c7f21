using System.Text.Json.Serialization.Metadata;
using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Input;
using ApiTools.Paging;

namespace ApiTools.Evotor;

/// <summary>Evotor Cloud REST API v2. Lists stream page by page as <see cref="IAsyncEnumerable{T}"/>.</summary>
public sealed partial class EvotorClient : ServiceClient<EvotorConnection>, IJsonEscapeHatch
{
    public const string ServiceName = "Evotor";

    /// <summary>Evotor's page size: its default and its maximum.</summary>
    public const int MaxPageSize = 1000;

    internal const string MediaType = "application/vnd.evotor.v2+json";

    /// <summary>The most of one answer read into memory: a page is at most 1000 items (about 1–2 MB of products), and
    /// requests are capped at 10 MB. A larger answer is refused as a ProtocolError before it is read whole.</summary>
    internal const long MaxAnswerBytes = 32L * 1024 * 1024;

    /// <summary>The contract allows an image of at most 5,242,800 bytes.</summary>
    internal const long MaxImageBytes = PngCheck.MaxBytes;

    /// <param name="handler">Sends the requests instead of the process-wide pooled handler (canned answers, a proxy, logging).</param>
    public EvotorClient(EvotorConnection connection, IApiObserver? observer = null, HttpMessageHandler? handler = null)
        : this(connection, BearerTransport(connection, EvotorErrorMapper.Instance, MediaType, handler, observer))
    {
    }

    /// <summary>A client over a transport of the caller's (its connection must be <paramref name="connection"/>'s).</summary>
    public EvotorClient(EvotorConnection connection, IApiTransport transport)
        : base(connection, transport)
    {
    }

    public IAsyncEnumerable<Store> GetStoresAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.Stores, null, range, EvotorJsonContext.Default.Store, cancellationToken);

    public Task<Store> GetStoreAsync(string storeId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Store(storeId), EvotorJsonContext.Default.Store, cancellationToken);

    private Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool alwaysMend = false) =>
        Transport.SendAsync(new ApiRequest(HttpMethod.Get, path), (r, ct) => ReadJsonAsync(r, type, ct, alwaysMend), cancellationToken);

    /// <summary>Streams a cursor-paged list. Filters go on the first request only; the cursor carries them.
    /// Each page is received whole and checked inside the call (so a body cut off is retried, a malformed one refused),
    /// then parsed item by item as the pager hands items out, while the next page is on its way
    /// (<see cref="EvotorPageReader{T}"/>). Items are read tolerantly; what was mended is told once per listing.</summary>
    /// <param name="newItemReader">Makes a hand-written reader for one page, given the listing's notes.</param>
    /// <param name="alwaysMend">The type has variants the serializer takes without complaint (wrapped list elements).</param>
    private IAsyncEnumerable<T> ListAsync<T>(string path, IReadOnlyList<KeyValuePair<string, string>>? filters, PageRange range,
        JsonTypeInfo<T> itemType, CancellationToken cancellationToken, Func<ReadNotes, ItemRead<T>>? newItemReader = null, bool alwaysMend = false)
    {
        var reading = new ItemReading(ReadNotes.For<T>(ServiceName, Transport.Observer), alwaysMend);
        return Pager.StreamAsync(FetchAsync, range, MaxPageSize, Transport.Observer, cancellationToken, ServiceName, KeyOf);

        Task<Page<T>> FetchAsync(string? cursor, int? limit, CancellationToken ct)
        {
            var request = PageRequest(path, filters, cursor, limit);
            return Transport.SendAsync(request, (r, t) => EvotorPageReader<T>.ReadAsync(r, itemType, newItemReader?.Invoke(reading.Notes!), reading, request, t), ct);
        }
    }

    /// <summary>An Evotor item's id, for the pager's progress check; null where the type has none.</summary>
    private static string? KeyOf<T>(T item) => item switch
    {
        Store x => x.Id,
        Device x => x.Id,
        Employee x => x.Id,
        Document x => x.Id,
        Product x => x.Id,
        ProductGroup x => x.Id,
        BulkTask x => x.Id,
        ProductImage x => x.Id,
        _ => null,
    };

    private static ApiRequest PageRequest(string path, IReadOnlyList<KeyValuePair<string, string>>? filters, string? cursor, int? limit)
    {
        var request = new ApiRequest(HttpMethod.Get, path);
        if (cursor is null && filters is not null) request.Query.AddRange(filters);
        request.AddQuery("cursor", cursor);
        request.AddQuery("limit", limit?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken, bool alwaysMend = false) =>
        JsonBody.ReadAsync(response, type, MaxAnswerBytes, ServiceName, cancellationToken, ReadNotes.For<T>(ServiceName, Transport.Observer), alwaysMend);
}
