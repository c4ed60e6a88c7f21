using System.Text;
using System.Text.Json;
using ApiTools.Evotor.Models;

namespace ApiTools.Evotor.Serialization;

/// <summary>
/// Reads one <see cref="Product"/> straight off a <see cref="Utf8JsonReader"/>, the hot path of every product listing.
/// It gives exactly what <see cref="TolerantJson"/> gives with <see cref="EvotorJsonContext"/> for the same bytes (a test
/// compares the two on the emulator's whole catalogue, unknown fields included, and on every odd value): snake_case
/// names matched as written, the last of a repeated field wins, an explicit null sets null, unknown fields go to
/// <see cref="EvotorEntity.Extra"/>, and a value of another kind is read the tolerant way (a number as its text, text as a
/// number or true/false where it parses, anything else kept in Extra), each told to the notes. Why by hand: the
/// serializer's metadata-driven object reader looks each name up and boxes its way through 23 properties, which made
/// the parse most of a listing's cost.
/// <para>One instance reads one page (one thread at a time): fields whose value repeats from product to product (the
/// store, the user, type, tax, unit, group) give the same string instance while the bytes stay the same, instead of
/// a new string per product.</para>
/// </summary>
internal sealed class ProductReader
{
    private readonly ReadNotes? _notes;
    private readonly RepeatedString _storeId;
    private readonly RepeatedString _userId;
    private readonly RepeatedString _type;
    private readonly RepeatedString _tax;
    private readonly RepeatedString _measureName;
    private readonly RepeatedString _parentId;

    public ProductReader(ReadNotes? notes = null)
    {
        _notes = notes;
        _storeId = new RepeatedString(this, "store_id");
        _userId = new RepeatedString(this, "user_id");
        _type = new RepeatedString(this, "type");
        _tax = new RepeatedString(this, "tax");
        _measureName = new RepeatedString(this, "measure_name");
        _parentId = new RepeatedString(this, "parent_id");
    }

    /// <summary>Reads the value at the reader's current token (an object or null); leaves the reader on its last token.</summary>
    public Product? Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected a product (an object), found {reader.TokenType}.");
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
        ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        switch (name.Length)
        {
            case 2 when name.SequenceEqual("id"u8): reader.Read(); Id(ref reader, p); return true;
            case 3 when name.SequenceEqual("tax"u8): reader.Read(); p.Tax = _tax.Read(ref reader, p); return true;
            case 4 when name.SequenceEqual("name"u8): reader.Read(); p.Name = String(ref reader, p, "name"); return true;
            case 4 when name.SequenceEqual("type"u8): reader.Read(); p.Type = _type.Read(ref reader, p); return true;
            case 4 when name.SequenceEqual("code"u8): reader.Read(); p.Code = String(ref reader, p, "code"); return true;
            case 5 when name.SequenceEqual("price"u8): reader.Read(); p.Price = Decimal(ref reader, p, "price"); return true;
            case 7 when name.SequenceEqual("user_id"u8): reader.Read(); p.UserId = _userId.Read(ref reader, p); return true;
            case 8 when name.SequenceEqual("store_id"u8): reader.Read(); p.StoreId = _storeId.Read(ref reader, p); return true;
            case 8 when name.SequenceEqual("quantity"u8): reader.Read(); p.Quantity = Decimal(ref reader, p, "quantity"); return true;
            case 8 when name.SequenceEqual("barcodes"u8): reader.Read(); p.Barcodes = Strings(ref reader, p, "barcodes"); return true;
            case 9 when name.SequenceEqual("parent_id"u8): reader.Read(); p.ParentId = _parentId.Read(ref reader, p); return true;
            case 9 when name.SequenceEqual("alcocodes"u8): reader.Read(); p.AlcoCodes = Strings(ref reader, p, "alcocodes"); return true;
            case 10 when name.SequenceEqual("cost_price"u8): reader.Read(); p.CostPrice = Decimal(ref reader, p, "cost_price"); return true;
            case 10 when name.SequenceEqual("created_at"u8): reader.Read(); p.CreatedAt = Timestamp(ref reader, p, "created_at"); return true;
            case 10 when name.SequenceEqual("updated_at"u8): reader.Read(); p.UpdatedAt = Timestamp(ref reader, p, "updated_at"); return true;
            case 11 when name.SequenceEqual("description"u8): reader.Read(); p.Description = String(ref reader, p, "description"); return true;
            case 11 when name.SequenceEqual("tare_volume"u8): reader.Read(); p.TareVolume = Decimal(ref reader, p, "tare_volume"); return true;
            case 12 when name.SequenceEqual("measure_name"u8): reader.Read(); p.MeasureName = _measureName.Read(ref reader, p); return true;
            case 13 when name.SequenceEqual("allow_to_sell"u8): reader.Read(); p.AllowToSell = Boolean(ref reader, p, "allow_to_sell"); return true;
            case 14 when name.SequenceEqual("article_number"u8): reader.Read(); p.ArticleNumber = String(ref reader, p, "article_number"); return true;
            case 17 when name.SequenceEqual("alcohol_by_volume"u8): reader.Read(); p.AlcoholByVolume = Decimal(ref reader, p, "alcohol_by_volume"); return true;
            case 18 when name.SequenceEqual("attributes_choices"u8): reader.Read(); p.AttributesChoices = Map(ref reader, p, "attributes_choices"); return true;
            case 25 when name.SequenceEqual("alcohol_product_kind_code"u8): reader.Read(); p.AlcoholProductKindCode = Int64(ref reader, p, "alcohol_product_kind_code"); return true;
            default: return false;
        }
    }

    /// <summary>The id: an explicit null sets null, as the serializer does; a value kept in Extra leaves the id as it was.</summary>
    private void Id(ref Utf8JsonReader reader, Product p)
    {
        var id = String(ref reader, p, "id");
        if (id is not null || reader.TokenType == JsonTokenType.Null) p.Id = id!;
    }

    private static void Unknown(ref Utf8JsonReader reader, Product p)
    {
        var name = reader.GetString()!;
        reader.Read();
        // Plain values, made from the bytes: nothing points into the page's pooled buffer.
        (p.Extra ??= new ExtraFields())[name] = ExtraValue.Read(ref reader);
    }

    /// <summary>Keeps the value at the reader in Extra under <paramref name="field"/> (the typed property stays null).</summary>
    private void Keep(ref Utf8JsonReader reader, Product p, string field, string expected)
    {
        _notes?.Kept(field, ReadNotes.Found(reader.TokenType), expected);
        (p.Extra ??= new ExtraFields())[field] = ExtraValue.Read(ref reader);
    }

    private string? String(ref Utf8JsonReader reader, Product p, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Null: return null;
        }
        var start = reader;
        if (AsText(ref reader) is string text)
        {
            _notes?.Converted(field, ReadNotes.Found(start.TokenType), "text");
            return text;
        }
        reader = start;
        Keep(ref reader, p, field, "text");
        return null;
    }

    /// <summary>What <see cref="TolerantJson"/> reads as text from a value that is not text: a number as written, true
    /// or false, an object holding one text; null otherwise (the reader is then anywhere inside the value).</summary>
    private static string? AsText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number: return Raw(ref reader);
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.StartObject:
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                var text = reader.GetString();
                return reader.Read() && reader.TokenType == JsonTokenType.EndObject ? text : null;
            default: return null;
        }
    }

    private decimal? Decimal(ref Utf8JsonReader reader, Product p, string field) => Number(ref reader, p, field, whole: false);

    private long? Int64(ref Utf8JsonReader reader, Product p, string field) => (long?)Number(ref reader, p, field, whole: true);

    /// <summary>A number, or text that is one (with a note); a whole one fits a long. Anything else is kept in Extra.</summary>
    private decimal? Number(ref Utf8JsonReader reader, Product p, string field, bool whole)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return null;
            // As the serializer reads numbers: a long from an integer token only, a decimal from any.
            case JsonTokenType.Number when whole ? reader.TryGetInt64(out _) : reader.TryGetDecimal(out _):
                return whole ? reader.GetInt64() : reader.GetDecimal();
            case JsonTokenType.String when TolerantText.Number(reader.GetString()!, out var parsed) && (!whole || TolerantText.Whole(parsed, out _)):
                _notes?.Converted(field, "text", "a number");
                return parsed;
        }
        Keep(ref reader, p, field, "a number");
        return null;
    }

    private bool? Boolean(ref Utf8JsonReader reader, Product p, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
        }
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Raw(ref reader),
            _ => null,
        };
        if (TolerantText.Boolean(text) is bool b)
        {
            _notes?.Converted(field, ReadNotes.Found(reader.TokenType), "true or false");
            return b;
        }
        Keep(ref reader, p, field, "true or false");
        return null;
    }

    private DateTimeOffset? Timestamp(ref Utf8JsonReader reader, Product p, string field)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String && EvotorTimestampConverter.TryRead(ref reader, out var value)) return value;
        Keep(ref reader, p, field, "a date");
        return null;
    }

    private StringList? Strings(ref Utf8JsonReader reader, Product p, string field)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var start = reader;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var list = new StringList();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (!Element(ref reader, field, out var text)) goto keep;
                list.Add(text);
            }
            return list;
        }
    keep:
        reader = start;
        Keep(ref reader, p, field, "a list");
        return null;
    }

    private IdMap? Map(ref Utf8JsonReader reader, Product p, string field)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var start = reader;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            var map = new IdMap();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var key = reader.GetString()!;
                reader.Read();
                if (!Element(ref reader, field, out var text)) goto keep;
                map[key] = text;
            }
            return map;
        }
    keep:
        reader = start;
        Keep(ref reader, p, field, "an object");
        return null;
    }

    /// <summary>An element of a list or a map as text: text (or null) as it is, a number or true/false as written, with a
    /// note; false for anything else (the whole field is then kept in Extra).</summary>
    private bool Element(ref Utf8JsonReader reader, string field, out string text)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Null)
        {
            text = reader.GetString()!;
            return true;
        }
        var found = ReadNotes.Found(reader.TokenType);
        if (AsText(ref reader) is not string converted)
        {
            text = "";
            return false;
        }
        _notes?.Converted(field, found, "text");
        text = converted;
        return true;
    }

    /// <summary>A number token exactly as written.</summary>
    private static string Raw(ref Utf8JsonReader reader) =>
        Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());

    /// <summary>The last string read for one field, kept with its bytes: the same bytes give the same instance.</summary>
    private sealed class RepeatedString(ProductReader owner, string field)
    {
        private const int MaxBytes = 64;
        private readonly byte[] _bytes = new byte[MaxBytes];
        private int _length = -1;
        private string? _value;

        public string? Read(ref Utf8JsonReader reader, Product p)
        {
            if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return owner.String(ref reader, p, field);
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
