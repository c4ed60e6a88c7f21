using System.Text.Json;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor.Serialization;

/// <summary>
/// Reads one <see cref="Product"/> straight off a <see cref="Utf8JsonReader"/>, the hot path of every product listing.
/// It gives exactly what <see cref="EvotorJsonContext"/> gives for the same bytes (a test compares the two on the
/// emulator's whole catalogue, unknown fields included): snake_case names matched as written, the last of a repeated
/// field wins, an explicit null sets null, unknown fields go to <see cref="Product.Extra"/>, and a value of the wrong
/// kind is a <see cref="JsonException"/>. Why by hand: the serializer's metadata-driven object reader looks each name
/// up and boxes its way through 23 properties, which made the parse most of a listing's cost.
/// <para>One instance reads one page (one thread at a time): fields whose value repeats from product to product (the
/// store, the user, type, tax, unit, group) give the same string instance while the bytes stay the same, instead of
/// a new string per product.</para>
/// </summary>
internal sealed class ProductReader
{
    private readonly RepeatedString _storeId = new();
    private readonly RepeatedString _userId = new();
    private readonly RepeatedString _type = new();
    private readonly RepeatedString _tax = new();
    private readonly RepeatedString _measureName = new();
    private readonly RepeatedString _parentId = new();

    /// <summary>Reads the value at the reader's current token (an object or null); leaves the reader on its last token.</summary>
    public Product? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw Wrong("a product", ref reader);
        var p = new Product();
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject) return p;
            if (!Property(ref reader, p)) Unknown(ref reader, p);
        }
    }

    /// <summary>Reads a known property's value into <paramref name="p"/>; false (reader still on the name) when the name is not one of the model's.</summary>
    private bool Property(ref Utf8JsonReader reader, Product p)
    {
        // A name written with escapes ("\u0069d") is matched after unescaping, as the serializer matches it.
        ReadOnlySpan<byte> name = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): reader.Read(); p.Id = String(ref reader)!; return true;
            case 3 when name.SequenceEqual("tax"u8): reader.Read(); p.Tax = _tax.Read(ref reader); return true;
            case 4 when name.SequenceEqual("name"u8): reader.Read(); p.Name = String(ref reader); return true;
            case 4 when name.SequenceEqual("type"u8): reader.Read(); p.Type = _type.Read(ref reader); return true;
            case 4 when name.SequenceEqual("code"u8): reader.Read(); p.Code = String(ref reader); return true;
            case 5 when name.SequenceEqual("price"u8): reader.Read(); p.Price = Decimal(ref reader); return true;
            case 7 when name.SequenceEqual("user_id"u8): reader.Read(); p.UserId = _userId.Read(ref reader); return true;
            case 8 when name.SequenceEqual("store_id"u8): reader.Read(); p.StoreId = _storeId.Read(ref reader); return true;
            case 8 when name.SequenceEqual("quantity"u8): reader.Read(); p.Quantity = Decimal(ref reader); return true;
            case 8 when name.SequenceEqual("barcodes"u8): reader.Read(); p.Barcodes = Strings(ref reader); return true;
            case 9 when name.SequenceEqual("parent_id"u8): reader.Read(); p.ParentId = _parentId.Read(ref reader); return true;
            case 9 when name.SequenceEqual("alcocodes"u8): reader.Read(); p.AlcoCodes = Strings(ref reader); return true;
            case 10 when name.SequenceEqual("cost_price"u8): reader.Read(); p.CostPrice = Decimal(ref reader); return true;
            case 10 when name.SequenceEqual("created_at"u8): reader.Read(); p.CreatedAt = Timestamp(ref reader); return true;
            case 10 when name.SequenceEqual("updated_at"u8): reader.Read(); p.UpdatedAt = Timestamp(ref reader); return true;
            case 11 when name.SequenceEqual("description"u8): reader.Read(); p.Description = String(ref reader); return true;
            case 11 when name.SequenceEqual("tare_volume"u8): reader.Read(); p.TareVolume = Decimal(ref reader); return true;
            case 12 when name.SequenceEqual("measure_name"u8): reader.Read(); p.MeasureName = _measureName.Read(ref reader); return true;
            case 13 when name.SequenceEqual("allow_to_sell"u8): reader.Read(); p.AllowToSell = Boolean(ref reader); return true;
            case 14 when name.SequenceEqual("article_number"u8): reader.Read(); p.ArticleNumber = String(ref reader); return true;
            case 17 when name.SequenceEqual("alcohol_by_volume"u8): reader.Read(); p.AlcoholByVolume = Decimal(ref reader); return true;
            case 18 when name.SequenceEqual("attributes_choices"u8): reader.Read(); p.AttributesChoices = Map(ref reader); return true;
            case 25 when name.SequenceEqual("alcohol_product_kind_code"u8): reader.Read(); p.AlcoholProductKindCode = Int64(ref reader); return true;
            default: return false;
        }
    }

    private static void Unknown(ref Utf8JsonReader reader, Product p)
    {
        var name = reader.GetString()!;
        reader.Read();
        // JsonElement.ParseValue copies the value's bytes: nothing points into the page's pooled buffer.
        (p.Extra ??= new ExtraFields())[name] = JsonElement.ParseValue(ref reader);
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Wrong("a string", ref reader),
    };

    private static decimal? Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)) return value;
        throw Wrong("a decimal number", ref reader);
    }

    private static long? Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) return value;
        throw Wrong("an integer", ref reader);
    }

    private static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Wrong("true or false", ref reader),
    };

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw Wrong("a timestamp", ref reader);
        return EvotorTimestampConverter.ReadTimestamp(ref reader);
    }

    private static StringList? Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartArray) throw Wrong("a list of strings", ref reader);
        var list = new StringList();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(String(ref reader)!);
        return list;
    }

    private static IdMap? Map(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw Wrong("an object of ids", ref reader);
        var map = new IdMap();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = String(ref reader)!;
        }
        return map;
    }

    private static JsonException Wrong(string expected, ref Utf8JsonReader reader) =>
        new($"Expected {expected}, found {reader.TokenType} (at byte {reader.TokenStartIndex} of the item).");

    /// <summary>The last string read for one field, kept with its bytes: the same bytes give the same instance.</summary>
    private sealed class RepeatedString
    {
        private const int MaxBytes = 64;
        private readonly byte[] _bytes = new byte[MaxBytes];
        private int _length = -1;
        private string? _value;

        public string? Read(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return String(ref reader);
            var span = reader.ValueSpan;
            if (span.Length == _length && span.SequenceEqual(new ReadOnlySpan<byte>(_bytes, 0, _length))) return _value;
            var value = reader.GetString();
            if (span.Length <= MaxBytes)
            {
                span.CopyTo(_bytes);
                _length = span.Length;
                _value = value;
            }
            return value;
        }
    }
}
