using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace ApiTools.Input;

/// <summary>
/// One input item as named values, whatever it came from: a typed object from a Get- cmdlet, an
/// Import-Csv row (every value a string), a hashtable, a CSV record. Names match case-insensitively
/// and in either spelling (<c>CostPrice</c> or <c>cost_price</c>). Reading a field parses it and
/// records a violation naming the field when it cannot, so one pass collects every problem.
/// </summary>
public sealed class InputFields
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _names = new();
    private readonly List<ApiViolation> _violations = new();
    private readonly HashSet<string> _asked = new(StringComparer.OrdinalIgnoreCase);

    public InputFields(IEnumerable<KeyValuePair<string, object?>> values)
    {
        foreach (var kv in values)
        {
            _values[Normalise(kv.Key)] = kv.Value;
            _names.Add(kv.Key);
        }
    }

    /// <summary>Where the item came from when that is more than its place in the input, e.g. <c>products.csv line 7</c>.</summary>
    public string? Origin { get; set; }

    /// <summary>The item's data row in a CSV file (1 = the first row after the header), when it came from one.</summary>
    public long? Row { get; set; }

    /// <summary>The names the item came with (CSV columns, properties, keys), as written.</summary>
    public IReadOnlyList<string> Names => _names;

    public IReadOnlyList<ApiViolation> Violations => _violations;

    /// <summary>The fields a reader has asked for, as it named them: what keeps a reader's declared field list honest.</summary>
    public IReadOnlyCollection<string> Asked => _asked;

    /// <summary>Throws one <see cref="ApiValidationException"/> listing every violation recorded, or returns <paramref name="item"/>
    /// when there is none: the end of every reader, so an invalid item is refused before any request.</summary>
    /// <param name="label">How the item is named, e.g. "item 3 ('Хлеб')".</param>
    public T Checked<T>(T item, string service, string label)
    {
        if (_violations.Count == 0) return item;
        throw new ApiValidationException(service,
            $"{char.ToUpperInvariant(label[0])}{label.Substring(1)} is not valid, so it was not sent: {string.Join("; ", _violations)}.",
            _violations.ToArray())
        {
            ErrorCode = "client_validation",
        };
    }

    /// <summary>True when the item's values could not be read at all (a CSV record too long to hold): the violation it
    /// came with is all there is to say, and readers add none about the fields it seems to lack.</summary>
    public bool Unread { get; set; }

    /// <summary>Records a problem; the same problem of the same field is recorded once, however often the field is read.</summary>
    public void AddViolation(string field, string reason)
    {
        if (Unread && _violations.Count > 0) return;
        foreach (var v in _violations)
            if (v.Subject == field && v.Reason == reason) return;
        _violations.Add(new ApiViolation(field, reason));
    }

    /// <summary>True when the field is present with a value (an empty CSV cell counts as absent).</summary>
    public bool Has(string field) => Raw(field) is not null;

    /// <summary>True when the item has the field at all, even empty: a CSV column that is there, a key that was given.</summary>
    public bool Contains(string field) => _values.ContainsKey(Normalise(field));

    /// <summary>The field as text. Text holding U+FFFD is refused: it is what a decoder leaves of bytes it could not read
    /// (a Windows-1251 file read as UTF-8), and sending it would store mojibake for good.</summary>
    public string? Text(string field)
    {
        var raw = Raw(field);
        var text = raw switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => raw.ToString(),
        };
        if (text is not null && text.IndexOf('\uFFFD') >= 0 && !_violations.Any(v => v.Subject == field))
            AddViolation(field, "holds U+FFFD, the mark of text read in the wrong encoding, so it was not sent: if the file is not UTF-8, " +
                "read it with its encoding (Import-Csv -Encoding 1251) or save it as UTF-8");
        return text;
    }

    public decimal? Decimal(string field)
    {
        var raw = Raw(field);
        switch (raw)
        {
            case null: return null;
            case decimal d: return d;
            case int or long or short or byte or uint or ulong or ushort or sbyte: return Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
            case double or float:
                try { return Convert.ToDecimal(raw, CultureInfo.InvariantCulture); }
                catch (OverflowException) { break; }
            case string s when DecimalText.TryParse(s, out var parsed): return parsed;
            case string s when DecimalText.LooksLikeNumber(s):
                AddViolation(field, $"'{Shorten(s)}' is too large to be a price, quantity or any amount");
                return null;
        }
        if (raw is double or float)
        {
            AddViolation(field, $"{raw} is not a finite number within the range of an amount");
            return null;
        }
        AddViolation(field, $"'{Shorten(raw.ToString() ?? "")}' is not a number: use digits with one '.' or ',' as the decimal point and no thousands separators");
        return null;
    }

    public long? Integer(string field)
    {
        var value = Decimal(field);
        if (value is null) return null;
        if (value != decimal.Truncate(value.Value) || value > long.MaxValue || value < long.MinValue)
        {
            AddViolation(field, $"'{Shorten(Text(field) ?? "")}' is not a whole number within ±{long.MaxValue:N0}");
            return null;
        }
        return (long)value.Value;
    }

    public bool? Boolean(string field)
    {
        var raw = Raw(field);
        switch (raw)
        {
            case null: return null;
            case bool b: return b;
            case string s:
                switch (s.Trim().ToLowerInvariant())
                {
                    case "true" or "1" or "yes" or "y" or "да": return true;
                    case "false" or "0" or "no" or "n" or "нет": return false;
                }
                break;
            case int or long: return Convert.ToInt64(raw, CultureInfo.InvariantCulture) != 0;
        }
        AddViolation(field, $"'{raw}' is not true or false");
        return null;
    }

    /// <summary>A list from an array, or from the <c>a;b;c</c> text Export-Csv wrote.</summary>
    public StringList? List(string field)
    {
        var raw = Raw(field);
        switch (raw)
        {
            case null: return null;
            case string s: return new StringList(s.Split(StringList.Separator).Select(x => x.Trim()).Where(x => x.Length > 0));
            case IEnumerable items:
                var list = new StringList();
                foreach (var item in items)
                {
                    var text = item?.ToString();
                    if (!string.IsNullOrWhiteSpace(text)) list.Add(text!.Trim());
                }
                return list;
            default: return new StringList(new[] { raw.ToString()! });
        }
    }

    /// <summary>An id → id map from a dictionary, or from the <c>k=v;k=v</c> text Export-Csv wrote.</summary>
    public IdMap? Map(string field)
    {
        var raw = Raw(field);
        switch (raw)
        {
            case null: return null;
            case IDictionary dictionary:
                var fromDictionary = new IdMap();
                foreach (DictionaryEntry e in dictionary) fromDictionary[e.Key.ToString()!] = e.Value?.ToString() ?? "";
                return fromDictionary;
            case string s:
                var map = new IdMap();
                foreach (var pair in s.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    if (eq <= 0 || eq == pair.Length - 1)
                    {
                        AddViolation(field, $"'{pair}' is not id=id (write pairs as k=v;k=v)");
                        return null;
                    }
                    map[pair.Substring(0, eq).Trim()] = pair.Substring(eq + 1).Trim();
                }
                return map;
        }
        AddViolation(field, $"'{raw}' is not a map of ids (write pairs as k=v;k=v)");
        return null;
    }

    /// <summary>The value, with blank text read as absent (Import-Csv gives "" for an empty cell).</summary>
    internal object? Raw(string field)
    {
        _asked.Add(field);
        if (!_values.TryGetValue(Normalise(field), out var value)) return null;
        if (value is JsonElement json) value = FromJson(json);
        return value is string s && string.IsNullOrWhiteSpace(s) ? null : value;
    }

    /// <summary>A JSON value as the plain value a PowerShell user would give: text, a number, true/false, a list, or a
    /// dictionary (a JSON object, as a hashtable is).</summary>
    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => json.TryGetDecimal(out var number) ? number : json.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        _ => json.EnumerateObject().ToDictionary(p => p.Name, p => FromJson(p.Value), StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>Long text shortened for a message: a whole swallowed file must not become the error.</summary>
    public static string Shorten(string text, int max = 40)
    {
        var oneLine = text.Replace("\r\n", "⏎").Replace('\n', '⏎').Replace('\r', '⏎');
        return oneLine.Length <= max ? oneLine : oneLine.Substring(0, max) + "…";
    }

    /// <summary>CostPrice, cost_price and costprice are one name.</summary>
    public static string Normalise(string name) => name.Replace("_", "").Replace("-", "").Trim();
}
