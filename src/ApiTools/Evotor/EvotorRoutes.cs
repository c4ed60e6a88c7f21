namespace ApiTools.Evotor;

/// <summary>Every Evotor path in one place, relative to the API root.</summary>
internal static class EvotorRoutes
{
    public const string Stores = "stores";
    public const string Devices = "devices";
    public const string Employees = "employees";
    public const string Bulks = "bulks";

    public static string Store(string storeId) => $"stores/{Segment(storeId)}";
    public static string Device(string deviceId) => $"devices/{Segment(deviceId)}";
    public static string Employee(string employeeId) => $"employees/{Segment(employeeId)}";
    public static string Bulk(string bulkId) => $"bulks/{Segment(bulkId)}";

    public static string Documents(string storeId) => $"{Store(storeId)}/documents";
    public static string Document(string storeId, string documentId) => $"{Documents(storeId)}/{Segment(documentId)}";
    public static string DeviceDocuments(string storeId, string deviceId) => $"{Store(storeId)}/devices/{Segment(deviceId)}/documents";

    public static string Products(string storeId) => $"{Store(storeId)}/products";
    public static string Product(string storeId, string productId) => $"{Products(storeId)}/{Segment(productId)}";

    public static string ProductImages(string storeId, string productId) => $"{Product(storeId, productId)}/images";
    public static string ProductImage(string storeId, string productId, string imageId) => $"{ProductImages(storeId, productId)}/{Segment(imageId)}";

    public static string ProductGroups(string storeId) => $"{Store(storeId)}/product-groups";
    public static string ProductGroup(string storeId, string groupId) => $"{ProductGroups(storeId)}/{Segment(groupId)}";

    /// <summary>Escapes an id into one path segment, so an id can never step into another route.</summary>
    public static string Segment(string id)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("An id must not be empty.", nameof(id));
        return Uri.EscapeDataString(id);
    }
}
