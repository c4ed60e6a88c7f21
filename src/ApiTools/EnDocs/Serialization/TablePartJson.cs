using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using ApiTools.EnDocs.Models;
using ApiTools.Input;

namespace ApiTools.EnDocs.Serialization;

/// <summary>
/// A table part between its typed rows and the JSON text EnDocs carries: an array of objects whose values are strings
/// (<c>[{"Name":"…","Quantity":"2","AmountToPay":"100.50",…}]</c>, as EnDocs' own importers write them). Reading takes
/// numbers as JSON numbers or as text with '.' or ',' and keeps what does not read in the row's Extra, with a warning.
/// </summary>
internal static class TablePartJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Wire name → what the row does with it.
    private static readonly Dictionary<string, Action<EnDocsTableRow, string?>> Texts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Name"] = (r, v) => r.Name = v,
        ["UnitName"] = (r, v) => r.UnitName = v,
        ["TaxRate"] = (r, v) => r.TaxRate = v,
    };

    private static readonly Dictionary<string, Action<EnDocsTableRow, decimal?>> Numbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Quantity"] = (r, v) => r.Quantity = v,
        ["AmountToPay"] = (r, v) => r.Price = v,
        ["AmountWOVAT"] = (r, v) => r.AmountWithoutVat = v,
        ["VAT"] = (r, v) => r.Vat = v,
        ["Amount"] = (r, v) => r.Amount = v,
    };

    /// <summary>The rows of a <c>tablePart</c> value (JSON text, or an array). Null when there is none; null with
    /// <paramref name="unreadable"/> set (and a warning) when it is not a list of rows.</summary>
    public static EnDocsTablePart? Read(NamedValue? value, string what, IApiObserver observer, out JsonElement? unreadable)
    {
        unreadable = null;
        if (value is null) return null;
        if (value.Whole is not { } whole) return ReadText(value.Text, what, observer, out unreadable);
        if (whole.ValueKind == JsonValueKind.Array) return Rows(whole, what, observer, out unreadable);
        observer.OnWarning($"EnDocs {what} field 'tablePart' is not a list of rows; it is kept in Extra['tablePart'] as sent.");
        unreadable = whole;
        return null;
    }

    /// <summary>The rows of a table part's JSON text; null with <paramref name="unreadable"/> set (and a warning) when it
    /// is not a list of rows.</summary>
    public static EnDocsTablePart? ReadText(string? text, string what, IApiObserver observer, out JsonElement? unreadable)
    {
        unreadable = null;
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (TryFast(text!, out var fast)) return fast;
            try
            {
                using var document = JsonDocument.Parse(text!);
                if (document.RootElement.ValueKind == JsonValueKind.Array)
                {
                    var rows = Rows(document.RootElement, what, observer, out var bad);
                    if (rows is not null) return rows;
                    unreadable = AsElement(text!);
                    return null;
                }
            }
            catch (JsonException)
            {
                // not JSON: kept as sent, below
            }
        }
        observer.OnWarning($"EnDocs {what} field 'tablePart' is not a list of rows; it is kept in Extra['tablePart'] as sent.");
        unreadable = AsElement(text!);
        return null;
    }

    private static JsonElement AsElement(string text)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(text, EnDocsJsonContext.Default.String));
        return document.RootElement.Clone();
    }

    private static EnDocsTablePart? Rows(JsonElement array, string what, IApiObserver observer, out JsonElement? unreadable)
    {
        unreadable = null;
        var rows = new EnDocsTablePart();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                observer.OnWarning($"EnDocs {what} field 'tablePart' is not a list of rows; it is kept in Extra['tablePart'] as sent.");
                unreadable = array.Clone();
                return null;
            }
            var row = new EnDocsTableRow();
            foreach (var member in item.EnumerateObject())
            {
                var v = member.Value;
                if (Texts.TryGetValue(member.Name, out var setText) && TryText(v, out var text)) setText(row, text);
                else if (Numbers.TryGetValue(member.Name, out var setNumber) && TryNumber(v, out var number)) setNumber(row, number);
                else
                {
                    if (Texts.ContainsKey(member.Name) || Numbers.ContainsKey(member.Name))
                        observer.OnWarning($"EnDocs {what} table part field '{member.Name}' came as a value that does not read as its type; it is kept in the row's Extra as sent.");
                    (row.Extra ??= new ExtraFields())[member.Name] = v.Clone();
                }
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>
    /// The common case, read straight from the text's bytes: an array of objects whose known fields are strings (or
    /// numbers) that read as their type. Anything else (a value that does not read, a row that is no object, text that is
    /// no JSON) is false, and the general path below reads it, keeping and naming what does not fit. A listing reads one
    /// table part a document, so this is on its hot path.
    /// </summary>
    private static bool TryFast(string text, out EnDocsTablePart rows)
    {
        rows = new EnDocsTablePart();
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) return false;
                var row = new EnDocsTableRow();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    // EnDocs' own spelling is matched on the bytes; any other goes through the name lookup.
                    var field = Known(ref reader);
                    var name = field ?? reader.GetString()!;
                    reader.Read();
                    if (Texts.TryGetValue(name, out var setText))
                    {
                        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return false;
                        setText(row, reader.GetString());
                    }
                    else if (Numbers.TryGetValue(name, out var setNumber))
                    {
                        if (!FastNumber(ref reader, out var number)) return false;
                        setNumber(row, number);
                    }
                    else (row.Extra ??= new ExtraFields())[name] = JsonElement.ParseValue(ref reader);
                }
                rows.Add(row);
            }
            return reader.TokenType == JsonTokenType.EndArray && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly string[] Fields = { "Name", "UnitName", "Quantity", "AmountToPay", "AmountWOVAT", "TaxRate", "VAT", "Amount" };

    /// <summary>The field name the reader is on, when it is one of EnDocs' own spellings (no string made); else null.</summary>
    private static string? Known(ref Utf8JsonReader reader)
    {
        foreach (var field in Fields)
            if (reader.ValueTextEquals(field)) return field;
        return null;
    }

    private static bool FastNumber(ref Utf8JsonReader reader, out decimal? number)
    {
        number = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return true;
            case JsonTokenType.Number when reader.TryGetDecimal(out var n): number = n; return true;
            case JsonTokenType.String:
                if (!reader.HasValueSequence && !reader.ValueIsEscaped
                    && System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan, out decimal plain, out var used) && used == reader.ValueSpan.Length)
                {
                    number = plain;
                    return true;
                }
                var text = reader.GetString();
                if (string.IsNullOrWhiteSpace(text)) return true;
                if (!DecimalText.TryParse(text, out var parsed)) return false;
                number = parsed;
                return true;
            default: return false;
        }
    }

    private static bool TryText(JsonElement value, out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return text is not null || value.ValueKind == JsonValueKind.Null;
    }

    private static bool TryNumber(JsonElement value, out decimal? number)
    {
        number = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null: return true;
            case JsonValueKind.Number when value.TryGetDecimal(out var n): number = n; return true;
            case JsonValueKind.String:
                var text = value.GetString();
                if (string.IsNullOrWhiteSpace(text)) return true;
                // EnDocs' own form first ("250.50"), without the general reader's pattern; then '.' or ',' as the point.
                if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain)
                    || DecimalText.TryParse(text, out plain))
                {
                    number = plain;
                    return true;
                }
                return false;
            default: return false;
        }
    }

    /// <summary>The rows as EnDocs takes them: one line of JSON, every value a string, decimals with '.'.</summary>
    public static string Write(IEnumerable<EnDocsTableRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Compact))
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                w.WriteStartObject();
                Text(w, "Name", row.Name);
                Text(w, "UnitName", row.UnitName);
                Text(w, "Quantity", Number(row.Quantity));
                Text(w, "AmountToPay", Number(row.Price));
                Text(w, "AmountWOVAT", Number(row.AmountWithoutVat));
                Text(w, "TaxRate", row.TaxRate);
                Text(w, "VAT", Number(row.Vat));
                Text(w, "Amount", Number(row.Amount));
                if (row.Extra is not null)
                    foreach (var kv in row.Extra)
                    {
                        w.WritePropertyName(kv.Key);
                        ExtraValue.Write(w, kv.Value);
                    }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
