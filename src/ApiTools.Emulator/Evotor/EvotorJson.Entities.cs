using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

// The wire shape of every seeded entity. Optional fields are omitted when null, never written as null;
// "external_code" is the field the contract does not name (EmulatorOptions.UnknownFields).
internal static partial class EvotorJson
{
    public static void WriteStore(Utf8JsonWriter w, SeedStore s, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("address", s.Address);
        WriteTail(w, s.UserId, s.CreatedAt, s.UpdatedAt, unknownFields, s.ExternalCode);
    }

    public static void WriteDevice(Utf8JsonWriter w, SeedDevice d, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteString("store_id", d.StoreId);
        w.WriteNumber("timezone_offset", d.TimezoneOffset);
        if (d.Imei is not null) w.WriteString("imei", d.Imei);
        if (d.FirmwareVersion is not null) w.WriteString("firmware_version", d.FirmwareVersion);
        if (d.Location is { } location)
        {
            w.WriteStartObject("location");
            w.WriteNumber("lng", location.Lng);
            w.WriteNumber("lat", location.Lat);
            w.WriteEndObject();
        }
        WriteTail(w, d.UserId, d.CreatedAt, d.UpdatedAt, unknownFields, d.ExternalCode);
    }

    public static void WriteEmployee(Utf8JsonWriter w, SeedEmployee e, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("name", e.Name);
        w.WriteString("last_name", e.LastName);
        w.WriteString("patronymic_name", e.PatronymicName);
        w.WriteString("phone", e.Phone);
        WriteStrings(w, "stores", e.Stores);
        w.WriteString("role", e.Role);
        WriteTail(w, e.UserId, e.CreatedAt, e.UpdatedAt, unknownFields, e.ExternalCode);
    }

    public static void WriteProductGroup(Utf8JsonWriter w, SeedProductGroup g, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("store_id", g.StoreId);
        if (g.ParentId is not null) w.WriteString("parent_id", g.ParentId);
        w.WriteString("name", g.Name);
        if (g.Barcodes is not null) WriteStrings(w, "barcodes", g.Barcodes);
        if (g.Attributes is not null)
            WriteArray(w, "attributes", g.Attributes, static (w, a) =>
            {
                w.WriteStartObject();
                w.WriteString("id", a.Id);
                w.WriteString("name", a.Name);
                WriteArray(w, "choices", a.Choices, static (w, c) =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", c.Id);
                    w.WriteString("name", c.Name);
                    w.WriteEndObject();
                });
                w.WriteEndObject();
            });
        WriteTail(w, g.UserId, g.CreatedAt, g.UpdatedAt, unknownFields, g.ExternalCode);
    }

    public static void WriteProduct(Utf8JsonWriter w, SeedProduct p, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", p.Id);
        w.WriteString("store_id", p.StoreId);
        if (p.ParentId is not null) w.WriteString("parent_id", p.ParentId);
        w.WriteString("name", p.Name);
        w.WriteString("type", p.Type);
        w.WriteString("measure_name", p.MeasureName);
        w.WriteString("tax", p.Tax);
        w.WriteBoolean("allow_to_sell", p.AllowToSell);
        w.WriteNumber("price", p.Price);
        if (p.CostPrice is { } costPrice) w.WriteNumber("cost_price", costPrice);
        if (p.Quantity is { } quantity) w.WriteNumber("quantity", quantity);
        if (p.Description is not null) w.WriteString("description", p.Description);
        if (p.ArticleNumber is not null) w.WriteString("article_number", p.ArticleNumber);
        if (p.Code is not null) w.WriteString("code", p.Code);
        if (p.Barcodes is not null) WriteStrings(w, "barcodes", p.Barcodes);
        if (p.Alcocodes is not null) WriteStrings(w, "alcocodes", p.Alcocodes);
        if (p.AlcoholByVolume is { } abv) w.WriteNumber("alcohol_by_volume", abv);
        if (p.AlcoholProductKindCode is { } kind) w.WriteNumber("alcohol_product_kind_code", kind);
        if (p.TareVolume is { } tare) w.WriteNumber("tare_volume", tare);
        if (p.AttributesChoices is not null)
        {
            w.WriteStartObject("attributes_choices");
            foreach (var (attribute, choice) in p.AttributesChoices) w.WriteString(attribute, choice);
            w.WriteEndObject();
        }
        WriteTail(w, p.UserId, p.CreatedAt, p.UpdatedAt, unknownFields, p.ExternalCode);
    }

    public static void WriteDocument(Utf8JsonWriter w, SeedDocument d, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("type", d.Type);
        w.WriteString("id", d.Id);
        w.WriteNumber("number", d.Number);
        w.WriteString("close_date", Timestamp(d.CloseDate));
        w.WriteNumber("time_zone_offset", d.TimeZoneOffset);
        w.WriteString("session_id", d.SessionId);
        w.WriteNumber("session_number", d.SessionNumber);
        w.WriteString("close_user_id", d.CloseUserId);
        w.WriteString("device_id", d.DeviceId);
        w.WriteString("store_id", d.StoreId);
        w.WriteString("user_id", d.UserId);
        w.WriteString("version", d.Version);
        if (d.Body is { } body)
        {
            w.WriteStartObject("body");
            if (d.Type is "SELL" or "PAYBACK")
            {
                WriteArray(w, "positions", body.Positions, WritePosition);
                WriteArray(w, "payments", body.Payments, static (w, p) =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", p.Id);
                    w.WriteString("type", p.Type);
                    w.WriteNumber("sum", p.Sum);
                    w.WriteEndObject();
                });
                // Discounts are not emulated: the list is always there, always empty.
                w.WriteStartArray("doc_discounts");
                w.WriteEndArray();
            }
            w.WriteNumber("sum", body.Sum);
            w.WriteNumber("result_sum", body.ResultSum);
            w.WriteEndObject();
        }
        if (unknownFields) w.WriteString("external_code", d.ExternalCode);
        w.WriteEndObject();
    }

    public static void WriteBulkTask(Utf8JsonWriter w, SeedBulkTask t, bool unknownFields)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("modified_at", Timestamp(t.ModifiedAt));
        w.WriteString("status", t.Status);
        w.WriteString("type", t.Type);
        if (t.Details is not null)
            WriteArray(w, "details", t.Details, (w, detail) =>
            {
                if (detail.Product is not null) WriteProduct(w, detail.Product, unknownFields);
                else if (detail.ProductGroup is not null) WriteProductGroup(w, detail.ProductGroup, unknownFields);
                else if (detail.Error is { } e)
                {
                    w.WriteStartObject();
                    w.WriteString("code", e.Code);
                    w.WriteString("message", e.Message);
                    w.WriteString("product_id", e.ProductId);
                    WriteArray(w, "violations", e.Violations, static (w, v) => WriteViolation(w, v.Reason, v.Subject));
                    w.WriteEndObject();
                }
            });
        if (unknownFields) w.WriteString("external_code", t.ExternalCode);
        w.WriteEndObject();
    }

    /// <summary>A product image's metadata (inferred shape: the contract names no fields).</summary>
    public static void WriteImage(Utf8JsonWriter w, SeedProductImage i)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("product_id", i.ProductId);
        w.WriteString("store_id", i.StoreId);
        w.WriteString("name", i.Name);
        w.WriteNumber("size", i.Size);
        w.WriteNumber("width", i.Width);
        w.WriteNumber("height", i.Height);
        w.WriteString("content_type", "image/png");
        w.WriteString("created_at", Timestamp(i.CreatedAt));
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, SeedPosition p)
    {
        w.WriteStartObject();
        w.WriteString("product_id", p.ProductId);
        w.WriteString("product_name", p.ProductName);
        w.WriteString("product_type", p.ProductType);
        w.WriteNumber("quantity", p.Quantity);
        w.WriteNumber("price", p.Price);
        w.WriteNumber("cost_price", p.CostPrice);
        w.WriteNumber("sum", p.Sum);
        w.WriteNumber("result_sum", p.ResultSum);
        w.WriteStartObject("tax");
        w.WriteString("type", p.Tax.Type);
        w.WriteNumber("sum", p.Tax.Sum);
        w.WriteNumber("result_sum", p.Tax.ResultSum);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values) =>
        WriteArray(w, name, values, static (w, value) => w.WriteStringValue(value));

    /// <summary><c>"name":[…]</c>, each item written by <paramref name="writeItem"/>.</summary>
    private static void WriteArray<T>(Utf8JsonWriter w, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartArray(name);
        foreach (var item in items) writeItem(w, item);
        w.WriteEndArray();
    }

    /// <summary>One <c>{"reason":…,"subject":…}</c> of an error body's or a failed bulk item's <c>violations</c>.</summary>
    private static void WriteViolation(Utf8JsonWriter w, string reason, string subject)
    {
        w.WriteStartObject();
        w.WriteString("reason", reason);
        w.WriteString("subject", subject);
        w.WriteEndObject();
    }

    /// <summary>user_id, created_at, updated_at, the unknown field if on, and the closing brace.</summary>
    private static void WriteTail(Utf8JsonWriter w, string userId, DateTimeOffset created, DateTimeOffset updated, bool unknownFields, string externalCode)
    {
        w.WriteString("user_id", userId);
        w.WriteString("created_at", Timestamp(created));
        w.WriteString("updated_at", Timestamp(updated));
        if (unknownFields) w.WriteString("external_code", externalCode);
        w.WriteEndObject();
    }
}
