using ApiTools.Evotor.Serialization;
using ApiTools.Evotor.Models;
using ApiTools.Evotor.Requests;
using ApiTools.Paging;

namespace ApiTools.Evotor;

// Every read endpoint: lists stream page by page, by-id calls return one object or throw NotFound.
public sealed partial class EvotorClient
{
    public IAsyncEnumerable<Device> GetDevicesAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.Devices, null, range, EvotorJsonContext.Default.Device, cancellationToken);

    public Task<Device> GetDeviceAsync(string deviceId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Device(deviceId), EvotorJsonContext.Default.Device, cancellationToken);

    public IAsyncEnumerable<Employee> GetEmployeesAsync(PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.Employees, null, range, EvotorJsonContext.Default.Employee, cancellationToken);

    public Task<Employee> GetEmployeeAsync(string employeeId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Employee(employeeId), EvotorJsonContext.Default.Employee, cancellationToken);

    /// <summary>A store's documents, or one terminal's with <see cref="DocumentQuery.DeviceId"/>.</summary>
    public IAsyncEnumerable<Document> GetDocumentsAsync(string storeId, DocumentQuery? query = null, PageRange range = default, CancellationToken cancellationToken = default)
    {
        query ??= new DocumentQuery();
        var path = query.DeviceId is null ? EvotorRoutes.Documents(storeId) : EvotorRoutes.DeviceDocuments(storeId, query.DeviceId);
        return ListAsync(path, query.ToFilters(), range, EvotorJsonContext.Default.Document, cancellationToken, alwaysMend: true);
    }

    public Task<Document> GetDocumentAsync(string storeId, string documentId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Document(storeId, documentId), EvotorJsonContext.Default.Document, cancellationToken, alwaysMend: true);

    /// <summary>A store's products; <paramref name="updatedSince"/> keeps those updated at or after it.</summary>
    public IAsyncEnumerable<Product> GetProductsAsync(string storeId, DateTimeOffset? updatedSince = null, PageRange range = default, CancellationToken cancellationToken = default)
    {
        var filters = updatedSince is DateTimeOffset since
            ? new List<KeyValuePair<string, string>> { new("since", DocumentQuery.EpochMs(since)) }
            : null;
        return ListAsync(EvotorRoutes.Products(storeId), filters, range, EvotorJsonContext.Default.Product, cancellationToken, static notes => new ProductReader(notes).Read!);
    }

    public Task<Product> GetProductAsync(string storeId, string productId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Product(storeId, productId), EvotorJsonContext.Default.Product, cancellationToken);

    public IAsyncEnumerable<ProductGroup> GetProductGroupsAsync(string storeId, PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.ProductGroups(storeId), null, range, EvotorJsonContext.Default.ProductGroup, cancellationToken);

    public Task<ProductGroup> GetProductGroupAsync(string storeId, string groupId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.ProductGroup(storeId, groupId), EvotorJsonContext.Default.ProductGroup, cancellationToken);

    public IAsyncEnumerable<BulkTask> GetBulkTasksAsync(BulkTaskQuery? query = null, PageRange range = default, CancellationToken cancellationToken = default) =>
        ListAsync(EvotorRoutes.Bulks, (query ?? new BulkTaskQuery()).ToFilters(), range, EvotorJsonContext.Default.BulkTask, cancellationToken);

    public Task<BulkTask> GetBulkTaskAsync(string bulkTaskId, CancellationToken cancellationToken = default) =>
        GetAsync(EvotorRoutes.Bulk(bulkTaskId), EvotorJsonContext.Default.BulkTask, cancellationToken);
}
