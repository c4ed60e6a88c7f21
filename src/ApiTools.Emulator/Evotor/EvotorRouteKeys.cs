namespace ApiTools.Emulator;

/// <summary>Route keys of the Evotor endpoints, as <see cref="RequestCounter"/> and /_emulator/requests name them.</summary>
public static class EvotorRouteKeys
{
    /// <summary>GET /evotor/stores (paged list).</summary>
    public const string Stores = "GET /evotor/stores";

    /// <summary>GET /evotor/stores/{id}.</summary>
    public const string Store = "GET /evotor/stores/{id}";

    /// <summary>GET /evotor/devices (paged list, every store's terminals).</summary>
    public const string Devices = "GET /evotor/devices";

    /// <summary>GET /evotor/devices/{id}.</summary>
    public const string Device = "GET /evotor/devices/{id}";

    /// <summary>GET /evotor/employees (paged list).</summary>
    public const string Employees = "GET /evotor/employees";

    /// <summary>GET /evotor/employees/{id}.</summary>
    public const string Employee = "GET /evotor/employees/{id}";

    /// <summary>GET /evotor/stores/{storeId}/documents (paged; since, until, type).</summary>
    public const string Documents = "GET /evotor/stores/{storeId}/documents";

    /// <summary>GET /evotor/stores/{storeId}/documents/{id}.</summary>
    public const string Document = "GET /evotor/stores/{storeId}/documents/{id}";

    /// <summary>GET /evotor/stores/{storeId}/devices/{deviceId}/documents (paged; since, until, type).</summary>
    public const string DeviceDocuments = "GET /evotor/stores/{storeId}/devices/{deviceId}/documents";

    /// <summary>GET /evotor/stores/{storeId}/products (paged; since).</summary>
    public const string Products = "GET /evotor/stores/{storeId}/products";

    /// <summary>GET /evotor/stores/{storeId}/products/{id}.</summary>
    public const string Product = "GET /evotor/stores/{storeId}/products/{id}";

    /// <summary>GET /evotor/stores/{storeId}/product-groups (paged).</summary>
    public const string ProductGroups = "GET /evotor/stores/{storeId}/product-groups";

    /// <summary>GET /evotor/stores/{storeId}/product-groups/{id}.</summary>
    public const string ProductGroup = "GET /evotor/stores/{storeId}/product-groups/{id}";

    /// <summary>GET /evotor/bulks (paged; type, status).</summary>
    public const string Bulks = "GET /evotor/bulks";

    /// <summary>GET /evotor/bulks/{id}.</summary>
    public const string Bulk = "GET /evotor/bulks/{id}";
}
