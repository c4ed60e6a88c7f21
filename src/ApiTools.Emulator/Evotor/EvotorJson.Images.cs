using System.Text.Json;

namespace ApiTools.Emulator.Evotor;

internal static partial class EvotorJson
{
    /// <summary>A product image's metadata as Evotor's image reference shows it: where to download it and what it is.</summary>
    public static void WriteImage(Utf8JsonWriter w, SeedProductImage i, string userId, string url)
    {
        w.WriteStartObject();
        w.WriteString("id", i.Id);
        w.WriteString("user_id", userId);
        w.WriteString("store_id", i.StoreId);
        w.WriteString("product_id", i.ProductId);
        w.WriteString("url", url);
        w.WriteStartObject("meta");
        w.WriteString("extension", "png");
        w.WriteNumber("file_size", i.Size);
        w.WriteNumber("width", i.Width);
        w.WriteNumber("height", i.Height);
        w.WriteEndObject();
        w.WriteString("created_at", Timestamp(i.CreatedAt));
        w.WriteString("updated_at", Timestamp(i.CreatedAt));
        w.WriteEndObject();
    }
}
