using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

// The wire shape of the seeded entities (documents and images have files of their own). Optional fields are omitted
// when null, never written as null; "external_code" is the field the contract does not name (EmulatorOptions.UnknownFields).
internal static partial class EvotorJson
{
    public static void WriteStore(Utf8JsonWriter w, SeedStore s, EvotorStyle style)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("name", s.Name);
        w.WriteString("address", s.Address);
        WriteTail(w, s.UserId, s.CreatedAt, s.UpdatedAt, style, s.ExternalCode);
    }

    public static void WriteDevice(Utf8JsonWriter w, SeedDevice d, EvotorStyle style)
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
        WriteTail(w, d.UserId, d.CreatedAt, d.UpdatedAt, style, d.ExternalCode);
    }

    public static void WriteEmployee(Utf8JsonWriter w, SeedEmployee e, EvotorStyle style)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("name", e.Name);
        w.WriteString("last_name", e.LastName);
        w.WriteString("patronymic_name", e.PatronymicName);
        // A number, as every reference shows it (the documentation, the SDK, a real answer).
        if (long.TryParse(e.Phone, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var phone)) w.WriteNumber("phone", phone);
        else w.WriteString("phone", e.Phone);
        if (style.Documentation)
        {
            // The documentation's form: [{"storeUuid": "…"}].
            WriteArray(w, "stores", e.Stores, static (w, id) =>
            {
                w.WriteStartObject();
                w.WriteString("storeUuid", id);
                w.WriteEndObject();
            });
        }
        else
        {
            WriteStrings(w, "stores", e.Stores);
        }
        w.WriteString("role", e.Role);
        WriteTail(w, e.UserId, e.CreatedAt, e.UpdatedAt, style, e.ExternalCode);
    }

    public static void WriteProductGroup(Utf8JsonWriter w, SeedProductGroup g, EvotorStyle style)
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
        WriteTail(w, g.UserId, g.CreatedAt, g.UpdatedAt, style, g.ExternalCode);
    }

    public static void WriteProduct(Utf8JsonWriter w, SeedProduct p, EvotorStyle style)
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
        if (p.ClassificationCode is not null) w.WriteString("classification_code", p.ClassificationCode);
        WriteTail(w, p.UserId, p.CreatedAt, p.UpdatedAt, style, p.ExternalCode);
    }

    public static void WriteBulkTask(Utf8JsonWriter w, SeedBulkTask t, EvotorStyle style)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("modified_at", Timestamp(t.ModifiedAt));
        w.WriteString("status", t.Status);
        w.WriteString("type", t.Type);
        if (t.Details is not null)
            WriteArray(w, "details", t.Details, (w, detail) =>
            {
                if (detail.Product is not null) WriteProduct(w, detail.Product, style);
                else if (detail.ProductGroup is not null) WriteProductGroup(w, detail.ProductGroup, style);
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
        if (style.UnknownFields) w.WriteString("external_code", t.ExternalCode);
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
    private static void WriteTail(Utf8JsonWriter w, string userId, DateTimeOffset created, DateTimeOffset updated, EvotorStyle style, string externalCode)
    {
        w.WriteString("user_id", userId);
        w.WriteString("created_at", Timestamp(created));
        w.WriteString("updated_at", Timestamp(updated));
        if (style.UnknownFields) w.WriteString("external_code", externalCode);
        w.WriteEndObject();
    }
}
