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

    // Write side. POST and PUT on a collection share their key between one object and a +bulk array.

    /// <summary>POST /evotor/stores/{storeId}/products: one object (200) or a +bulk array (202 + task).</summary>
    public const string CreateProduct = "POST /evotor/stores/{storeId}/products";

    /// <summary>PUT /evotor/stores/{storeId}/products: +bulk create-or-replace (202 + task).</summary>
    public const string PutProducts = "PUT /evotor/stores/{storeId}/products";

    /// <summary>PUT /evotor/stores/{storeId}/products/{id}: create or replace one.</summary>
    public const string PutProduct = "PUT /evotor/stores/{storeId}/products/{id}";

    /// <summary>PATCH /evotor/stores/{storeId}/products/{id}: quantity, price, cost_price.</summary>
    public const string PatchProduct = "PATCH /evotor/stores/{storeId}/products/{id}";

    /// <summary>DELETE /evotor/stores/{storeId}/products/{id}.</summary>
    public const string DeleteProduct = "DELETE /evotor/stores/{storeId}/products/{id}";

    /// <summary>DELETE /evotor/stores/{storeId}/products?id=a,b,c (up to 100 ids).</summary>
    public const string DeleteProducts = "DELETE /evotor/stores/{storeId}/products";

    /// <summary>POST /evotor/stores/{storeId}/product-groups: one object or a +bulk array.</summary>
    public const string CreateProductGroup = "POST /evotor/stores/{storeId}/product-groups";

    /// <summary>PUT /evotor/stores/{storeId}/product-groups: +bulk create-or-replace.</summary>
    public const string PutProductGroups = "PUT /evotor/stores/{storeId}/product-groups";

    /// <summary>PUT /evotor/stores/{storeId}/product-groups/{id}.</summary>
    public const string PutProductGroup = "PUT /evotor/stores/{storeId}/product-groups/{id}";

    /// <summary>PATCH /evotor/stores/{storeId}/product-groups/{id}: name, parent_id, barcodes, attributes.</summary>
    public const string PatchProductGroup = "PATCH /evotor/stores/{storeId}/product-groups/{id}";

    /// <summary>DELETE /evotor/stores/{storeId}/product-groups/{id}.</summary>
    public const string DeleteProductGroup = "DELETE /evotor/stores/{storeId}/product-groups/{id}";

    /// <summary>DELETE /evotor/stores/{storeId}/product-groups?id=a,b,c.</summary>
    public const string DeleteProductGroups = "DELETE /evotor/stores/{storeId}/product-groups";

    /// <summary>POST /evotor/stores/{storeId}/products/{productId}/images (multipart, field datafile).</summary>
    public const string UploadProductImage = "POST /evotor/stores/{storeId}/products/{productId}/images";

    /// <summary>GET /evotor/stores/{storeId}/products/{productId}/images (list of 0 or 1).</summary>
    public const string ProductImages = "GET /evotor/stores/{storeId}/products/{productId}/images";

    /// <summary>GET /evotor/stores/{storeId}/products/{productId}/images/{id}: the PNG bytes.</summary>
    public const string ProductImage = "GET /evotor/stores/{storeId}/products/{productId}/images/{id}";

    /// <summary>DELETE /evotor/stores/{storeId}/products/{productId}/images/{id}.</summary>
    public const string DeleteProductImage = "DELETE /evotor/stores/{storeId}/products/{productId}/images/{id}";
}
